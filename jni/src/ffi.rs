//! The one way into native code: run the body, catch panics, turn errors into Java exceptions
//! (as libsignal's `run_ffi_safe`). No entry point does its own error plumbing.

use std::any::Any;
use std::cell::RefCell;
use std::panic::{self, catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use jni::sys::{jboolean, jdouble, jint, jlong, jobject};
use jni::JNIEnv;

use crate::error::{BridgeError, BridgeResult};

/// What an entry point returns to Java when it has thrown instead: Java ignores the value.
pub trait OnThrow {
    fn on_throw() -> Self;
}

impl OnThrow for () {
    fn on_throw() -> Self {}
}
impl OnThrow for jint {
    fn on_throw() -> Self {
        0
    }
}
impl OnThrow for jlong {
    fn on_throw() -> Self {
        0
    }
}
impl OnThrow for jdouble {
    fn on_throw() -> Self {
        f64::NAN
    }
}
impl OnThrow for jboolean {
    fn on_throw() -> Self {
        0
    }
}
impl OnThrow for jobject {
    fn on_throw() -> Self {
        std::ptr::null_mut()
    }
}

/// Typed references (`JDoubleArray`, `JString`, ...) return Java's null when a call throws.
macro_rules! null_on_throw {
    ($($ty:ident),+) => {
        $(impl<'local> OnThrow for jni::objects::$ty<'local> {
            fn on_throw() -> Self {
                jni::objects::$ty::default()
            }
        })+
    };
}
null_on_throw!(JObject, JString, JObjectArray);

impl<'local, T: jni::objects::TypeArray> OnThrow for jni::objects::JPrimitiveArray<'local, T> {
    fn on_throw() -> Self {
        jni::objects::JPrimitiveArray::default()
    }
}

thread_local! {
    /// Where the last panic on this thread happened, for the exception message.
    static PANIC_LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Every panic in this library is caught and reported as a Java exception, so the default
/// hook's print to stderr would only be noise in the host's logs; instead the hook keeps the
/// location for the message. The hook is this library's own: a cdylib links its own std.
fn install_panic_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        panic::set_hook(Box::new(|info| {
            let location = info.location().map(|l| format!("{}:{}", l.file(), l.line()));
            PANIC_LOCATION.with(|cell| *cell.borrow_mut() = location);
            // Batch workers catch their own panics; this gives their errors the location too.
            lagrs_core::batch::note_panic_location(info);
        }));
    });
}

/// Runs `body`; an `Err` becomes the matching Java exception and a panic becomes a
/// `LagrsException`, so no Rust failure can abort the JVM.
pub fn run_ffi_safe<'local, R: OnThrow>(
    env: &mut JNIEnv<'local>,
    body: impl FnOnce(&mut JNIEnv<'local>) -> BridgeResult<R>,
) -> R {
    install_panic_hook();
    let outcome = catch_unwind(AssertUnwindSafe(|| body(env)));
    let error = match outcome {
        Ok(Ok(value)) => return value,
        Ok(Err(error)) => error,
        Err(payload) => {
            let location = PANIC_LOCATION.with(|cell| cell.borrow_mut().take()).unwrap_or_default();
            BridgeError::Internal(format!(
                "internal error in the lagrs native library: {} ({location})",
                panic_message(payload.as_ref())
            ))
        }
    };
    error.throw(env);
    R::on_throw()
}

fn panic_message(payload: &(dyn Any + Send)) -> &str {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.as_str()
    } else {
        "panic with a non-text payload"
    }
}
