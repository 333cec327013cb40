//! Instruction-set specific kernels, one directory per architecture and one
//! file per instruction set and statistic (the layout of memchr's `arch/`).
//! Each kernel sits beside the portable one it accelerates, which stays the
//! reference: callers check for the CPU feature at run time and fall back to
//! the portable kernel, so every target compiles without this tree.

#[cfg(target_arch = "x86_64")]
pub(crate) mod x86_64;
