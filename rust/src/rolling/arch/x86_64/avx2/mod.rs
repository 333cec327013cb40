//! AVX2 kernels. Every function here is `#[target_feature(enable = "avx2")]`
//! and `unsafe`: the caller checks `is_x86_feature_detected!("avx2")`.

pub(crate) mod sum;
