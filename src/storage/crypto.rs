//! Passphrase encryption of backup files with WebCrypto.
//!
//! The key is derived from the passphrase with PBKDF2-SHA-256 ([`MIN_ITERATIONS`] rounds, a
//! random 16-byte salt) and encrypts with AES-GCM-256 under a random 12-byte nonce. The
//! container around the ciphertext is built and checked by `core::backup::envelope`; this
//! module only makes the browser calls. AES-GCM authenticates the data, so a wrong passphrase
//! (or a modified file) is detected, never decrypted into garbage.

use js_sys::{Array, Object, Reflect, Uint8Array};
use thiserror::Error;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, SubtleCrypto};

use crate::core::backup::envelope::{self, EnvelopeError, Sealed, MIN_ITERATIONS, NONCE_BYTES, SALT_BYTES};
use crate::core::i18n::Msg;

#[derive(Clone, Debug, Error, PartialEq)]
pub enum CryptoError {
    #[error("WebCrypto is not available: {0}")]
    Unavailable(String),
    #[error("the passphrase is wrong or the file was modified")]
    WrongPassphrase,
    #[error(transparent)]
    Envelope(#[from] EnvelopeError),
    #[error("the decrypted backup is not UTF-8 text")]
    NotText,
}

impl CryptoError {
    pub fn msg(&self) -> Msg {
        match self {
            CryptoError::Unavailable(_) => Msg::ErrCrypto,
            CryptoError::WrongPassphrase => Msg::ErrWrongPassphrase,
            CryptoError::Envelope(e) => e.msg(),
            CryptoError::NotText => Msg::ErrEnvelope,
        }
    }
}

fn unavailable(err: JsValue) -> CryptoError {
    CryptoError::Unavailable(format!("{err:?}"))
}

fn subtle() -> Result<(web_sys::Crypto, SubtleCrypto), CryptoError> {
    let crypto = web_sys::window().ok_or_else(|| CryptoError::Unavailable("no window".into()))?.crypto().map_err(unavailable)?;
    let subtle = crypto.subtle();
    Ok((crypto, subtle))
}

/// A plain JS object from key/value pairs.
fn object(fields: &[(&str, JsValue)]) -> Result<Object, CryptoError> {
    let object = Object::new();
    for (key, value) in fields {
        Reflect::set(&object, &JsValue::from_str(key), value).map_err(unavailable)?;
    }
    Ok(object)
}

async fn derive_key(subtle: &SubtleCrypto, passphrase: &str, salt: &[u8], iterations: u32, usage: &str) -> Result<CryptoKey, CryptoError> {
    let raw = Uint8Array::from(passphrase.as_bytes());
    let pbkdf2 = object(&[("name", "PBKDF2".into())])?;
    let base = subtle.import_key_with_object("raw", &raw, &pbkdf2, false, &Array::of1(&"deriveKey".into())).map_err(unavailable)?;
    let base: CryptoKey = JsFuture::from(base).await.map_err(unavailable)?.unchecked_into();
    let params = object(&[
        ("name", "PBKDF2".into()),
        ("hash", "SHA-256".into()),
        ("salt", Uint8Array::from(salt).into()),
        ("iterations", iterations.into()),
    ])?;
    let aes = object(&[("name", "AES-GCM".into()), ("length", 256.into())])?;
    let key = subtle.derive_key_with_object_and_object(&params, &base, &aes, false, &Array::of1(&usage.into())).map_err(unavailable)?;
    Ok(JsFuture::from(key).await.map_err(unavailable)?.unchecked_into())
}

/// Encrypts a backup's text; the result is the container to save.
pub async fn encrypt(plain: &str, passphrase: &str) -> Result<String, CryptoError> {
    let (crypto, subtle) = subtle()?;
    let mut salt = [0u8; SALT_BYTES];
    let mut nonce = [0u8; NONCE_BYTES];
    crypto.get_random_values_with_u8_array(&mut salt).map_err(unavailable)?;
    crypto.get_random_values_with_u8_array(&mut nonce).map_err(unavailable)?;
    let key = derive_key(&subtle, passphrase, &salt, MIN_ITERATIONS, "encrypt").await?;
    let params = object(&[("name", "AES-GCM".into()), ("iv", Uint8Array::from(&nonce[..]).into())])?;
    let promise = subtle.encrypt_with_object_and_u8_array(&params, &key, plain.as_bytes()).map_err(unavailable)?;
    let data = Uint8Array::new(&JsFuture::from(promise).await.map_err(unavailable)?).to_vec();
    Ok(envelope::seal(&Sealed { iterations: MIN_ITERATIONS, salt: salt.to_vec(), nonce: nonce.to_vec(), data }))
}

/// Decrypts a container back to the backup's text. The container is checked before the
/// (slow) key derivation; a wrong passphrase fails the authentication tag.
pub async fn decrypt(container: &str, passphrase: &str) -> Result<String, CryptoError> {
    let sealed = envelope::open(container)?;
    let (_, subtle) = subtle()?;
    let key = derive_key(&subtle, passphrase, &sealed.salt, sealed.iterations, "decrypt").await?;
    let params = object(&[("name", "AES-GCM".into()), ("iv", Uint8Array::from(&sealed.nonce[..]).into())])?;
    let promise = subtle.decrypt_with_object_and_u8_array(&params, &key, &sealed.data).map_err(unavailable)?;
    let plain = match JsFuture::from(promise).await {
        Ok(buffer) => Uint8Array::new(&buffer).to_vec(),
        // WebCrypto reports a failed tag check as an OperationError and nothing more.
        Err(_) => return Err(CryptoError::WrongPassphrase),
    };
    String::from_utf8(plain).map_err(|_| CryptoError::NotText)
}
