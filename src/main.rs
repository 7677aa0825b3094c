#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    // The benchmark's engine page drives the core directly and shows no app.
    if !cairn::compare::is_engine_page() {
        cairn::ui::mount();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
