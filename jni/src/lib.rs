//! JNI bridge for lagrs: converts Java arguments, checks them, calls lagrs-core, and maps
//! every error and panic to a Java exception.
