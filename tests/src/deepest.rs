//! The deepest models the generator accepts, one for each way of nesting (`build/deepest.rs`
//! finds them). Generated into this library, not a test, so that `cargo doc` documents them
//! too: rustdoc lists every type's auto traits, and walks the same levels the compiler does.

macro_rules! deepest {
    ($($name:ident),*) => {$(
        #[doc = concat!("The deepest `", stringify!($name), "` chain: `tests/build/deepest.rs`.")]
        pub mod $name {
            include!(concat!(env!("OUT_DIR"), "/deepest_", stringify!($name), ".rs"));
        }
    )*};
}

deepest!(optional, required, lists, maps_of_lists, cycle, document, unions);

/// The length of each chain.
pub mod lengths {
    include!(concat!(env!("OUT_DIR"), "/deepest_lengths.rs"));
}
