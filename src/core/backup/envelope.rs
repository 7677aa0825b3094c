//! The container of a passphrase-encrypted backup.
//!
//! An encrypted backup is a small JSON document that says how to get the key back from the
//! passphrase and holds the encrypted backup as base64:
//!
//! ```json
//! {"format":"cairn-backup-encrypted","version":1,
//!  "kdf":{"name":"PBKDF2","hash":"SHA-256","iterations":600000,"salt":"<16 bytes>"},
//!  "cipher":{"name":"AES-GCM","length":256,"nonce":"<12 bytes>"},
//!  "data":"<ciphertext and 16-byte tag>"}
//! ```
//!
//! The crypto itself runs in the browser (WebCrypto, `storage::crypto`); this module only
//! builds and checks the container, so every rule about it is tested natively. Reading is
//! strict: unknown fields, other algorithms, short salts or nonces and too few iterations are
//! refused before any passphrase is tried.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::core::i18n::Msg;

/// The `format` field that marks an encrypted backup.
pub const ENCRYPTED_FORMAT: &str = "cairn-backup-encrypted";
/// The container version this build writes and reads.
pub const ENVELOPE_VERSION: u64 = 1;
/// PBKDF2-SHA-256 iterations written, and the fewest accepted (OWASP's 2023 advice).
pub const MIN_ITERATIONS: u32 = 600_000;
/// The most iterations accepted: a file cannot make the browser work for minutes.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
pub const NONCE_BYTES: usize = 12;
/// AES-GCM appends a 128-bit authentication tag to the ciphertext.
pub const TAG_BYTES: usize = 16;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub enum EnvelopeError {
    #[error("the encrypted file is not valid ({0})")]
    Invalid(String),
    #[error("the encrypted file uses version {0}, which this version of Cairn cannot read")]
    UnsupportedVersion(u64),
    #[error("the encrypted file uses {0}, which Cairn does not read")]
    UnsupportedAlgorithm(String),
    #[error("{0} is not base64")]
    NotBase64(&'static str),
    #[error("the {what} has {got} bytes, {want} expected")]
    WrongLength { what: &'static str, got: usize, want: usize },
    #[error("{0} iterations is outside the accepted range")]
    Iterations(u32),
}

impl EnvelopeError {
    pub fn msg(&self) -> Msg {
        match self {
            EnvelopeError::UnsupportedVersion(_) => Msg::ErrBackupVersion,
            _ => Msg::ErrEnvelope,
        }
    }
}

/// What decryption needs, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sealed {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub nonce: Vec<u8>,
    /// The ciphertext followed by the authentication tag.
    pub data: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Document {
    format: String,
    version: u64,
    kdf: Kdf,
    cipher: Cipher,
    data: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Kdf {
    name: String,
    hash: String,
    iterations: u32,
    salt: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Cipher {
    name: String,
    length: u32,
    nonce: String,
}

/// Only the `format` field, to tell an encrypted file from a plain backup cheaply.
#[derive(Deserialize)]
struct Probe {
    format: Option<String>,
}

/// Whether `text` is an encrypted backup (valid or not) rather than a plain one.
pub fn is_encrypted(text: &str) -> bool {
    // Cheap for a large plain backup: the format is its first field.
    let head: String = text.trim_start().chars().take(64).collect();
    if !head.contains(ENCRYPTED_FORMAT) && text.len() > 4096 {
        return false;
    }
    serde_json::from_str::<Probe>(text).ok().and_then(|p| p.format).is_some_and(|f| f == ENCRYPTED_FORMAT)
}

/// The container for an encrypted backup.
pub fn seal(sealed: &Sealed) -> String {
    let document = Document {
        format: ENCRYPTED_FORMAT.to_string(),
        version: ENVELOPE_VERSION,
        kdf: Kdf { name: "PBKDF2".into(), hash: "SHA-256".into(), iterations: sealed.iterations, salt: encode_base64(&sealed.salt) },
        cipher: Cipher { name: "AES-GCM".into(), length: 256, nonce: encode_base64(&sealed.nonce) },
        data: encode_base64(&sealed.data),
    };
    // A struct of strings and numbers always serializes.
    serde_json::to_string(&document).unwrap_or_default()
}

/// Reads and checks a container.
pub fn open(text: &str) -> Result<Sealed, EnvelopeError> {
    let document: Document = serde_json::from_str(text).map_err(|e| EnvelopeError::Invalid(e.to_string()))?;
    if document.format != ENCRYPTED_FORMAT {
        return Err(EnvelopeError::Invalid(format!("format {}", document.format)));
    }
    if document.version != ENVELOPE_VERSION {
        return Err(EnvelopeError::UnsupportedVersion(document.version));
    }
    let Kdf { name, hash, iterations, salt } = document.kdf;
    if name != "PBKDF2" || hash != "SHA-256" {
        return Err(EnvelopeError::UnsupportedAlgorithm(format!("{name}/{hash}")));
    }
    if !(MIN_ITERATIONS..=MAX_ITERATIONS).contains(&iterations) {
        return Err(EnvelopeError::Iterations(iterations));
    }
    let Cipher { name, length, nonce } = document.cipher;
    if name != "AES-GCM" || length != 256 {
        return Err(EnvelopeError::UnsupportedAlgorithm(format!("{name}-{length}")));
    }
    let salt = decode_base64(&salt).ok_or(EnvelopeError::NotBase64("salt"))?;
    let nonce = decode_base64(&nonce).ok_or(EnvelopeError::NotBase64("nonce"))?;
    let data = decode_base64(&document.data).ok_or(EnvelopeError::NotBase64("data"))?;
    check_length("salt", salt.len(), SALT_BYTES)?;
    check_length("nonce", nonce.len(), NONCE_BYTES)?;
    if data.len() < TAG_BYTES {
        return Err(EnvelopeError::WrongLength { what: "data", got: data.len(), want: TAG_BYTES });
    }
    Ok(Sealed { iterations, salt, nonce, data })
}

fn check_length(what: &'static str, got: usize, want: usize) -> Result<(), EnvelopeError> {
    if got == want {
        Ok(())
    } else {
        Err(EnvelopeError::WrongLength { what, got, want })
    }
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648 §4).
pub fn encode_base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, b)| n | (u32::from(*b) << (16 - 8 * i)));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard padded base64; `None` for anything else.
pub fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let bytes = text.as_bytes();
    if bytes.len() % 4 != 0 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    for (index, quad) in bytes.chunks(4).enumerate() {
        let last = index + 1 == bytes.len() / 4;
        let pad = quad.iter().rev().take_while(|&&b| b == b'=').count();
        if pad > 2 || (pad > 0 && !last) {
            return None;
        }
        let mut n = 0u32;
        for (i, &b) in quad[..4 - pad].iter().enumerate() {
            let v = ALPHABET.iter().position(|&a| a == b)? as u32;
            n |= v << (18 - 6 * i);
        }
        let kept = 3 - pad;
        // Bits below the last kept byte must be zero, so every input has one encoding.
        if n & ((1 << (8 * (3 - kept))) - 1) != 0 {
            return None;
        }
        out.extend((0..kept).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sealed() -> Sealed {
        Sealed { iterations: MIN_ITERATIONS, salt: vec![7; SALT_BYTES], nonce: vec![9; NONCE_BYTES], data: (0..40).collect() }
    }

    #[test]
    fn base64_matches_rfc_4648_vectors() {
        let vectors = [("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"), ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy")];
        for (plain, encoded) in vectors {
            assert_eq!(encode_base64(plain.as_bytes()), encoded);
            assert_eq!(decode_base64(encoded).as_deref(), Some(plain.as_bytes()));
        }
        let all: Vec<u8> = (0..=255).collect();
        assert_eq!(decode_base64(&encode_base64(&all)), Some(all));
        for bad in ["Zg=", "Zm9v!A==", "Zg==Zm9v", "Zh==", "Z===", "===="] {
            assert_eq!(decode_base64(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_sealed_container_opens_to_the_same_parts() {
        let text = seal(&sealed());
        assert!(text.starts_with(r#"{"format":"cairn-backup-encrypted","version":1,"kdf":{"name":"PBKDF2","hash":"SHA-256","iterations":600000"#), "{text}");
        assert!(is_encrypted(&text));
        assert_eq!(open(&text), Ok(sealed()));
        assert!(!is_encrypted(r#"{"format":"cairn-backup","version":1,"exported_at":0,"entities":[]}"#));
        assert!(!is_encrypted("not json"));
    }

    #[test]
    fn weak_or_foreign_containers_are_refused() {
        let text = seal(&sealed());
        let cases: [(String, fn(&EnvelopeError) -> bool); 8] = [
            (text.replace("600000", "1000"), |e| matches!(e, EnvelopeError::Iterations(1000))),
            (text.replace("\"version\":1", "\"version\":2"), |e| matches!(e, EnvelopeError::UnsupportedVersion(2))),
            (text.replace("AES-GCM", "AES-CBC"), |e| matches!(e, EnvelopeError::UnsupportedAlgorithm(_))),
            (text.replace("\"length\":256", "\"length\":128"), |e| matches!(e, EnvelopeError::UnsupportedAlgorithm(_))),
            (text.replace("SHA-256", "SHA-1"), |e| matches!(e, EnvelopeError::UnsupportedAlgorithm(_))),
            (text.replace(&encode_base64(&[9; NONCE_BYTES]), &encode_base64(&[9; 8])), |e| matches!(e, EnvelopeError::WrongLength { what: "nonce", .. })),
            (text.replace("\"data\":", "\"extra\":1,\"data\":"), |e| matches!(e, EnvelopeError::Invalid(_))),
            (text.replace(&encode_base64(&[7; SALT_BYTES]), "not base64"), |e| matches!(e, EnvelopeError::NotBase64("salt"))),
        ];
        for (input, expected) in cases {
            let error = open(&input).expect_err(&input);
            assert!(expected(&error), "{input}: {error:?}");
        }
        let short = Sealed { data: vec![1; TAG_BYTES - 1], ..sealed() };
        assert!(matches!(open(&seal(&short)), Err(EnvelopeError::WrongLength { what: "data", .. })));
        assert_eq!(open("{").map_err(|e| e.msg()), Err(Msg::ErrEnvelope));
    }
}
