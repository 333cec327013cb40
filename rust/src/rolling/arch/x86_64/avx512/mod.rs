//! AVX-512 kernels. Every function here is `#[target_feature(enable = "avx512f")]`
//! and `unsafe`: the caller checks `is_x86_feature_detected!("avx512f")`.

pub(crate) mod sum;
