//! Opaque handles to native objects held by Java (in the manner of libsignal's type-tagged
//! handles): Java gets a `long` that encodes a type tag, a slot and the slot's generation, never
//! a pointer. A handle of the wrong type, a stale handle (its object freed, the slot reused)
//! or a made-up number is rejected with an exception instead of being dereferenced.
//!
//! Objects sit behind `Arc`: a call takes its own reference for its duration, so `remove`
//! (Java's `close()` or its `Cleaner`) during a call on another thread frees the object only
//! when that call ends.

use std::sync::{Arc, RwLock};

use jni::sys::jlong;

use crate::error::{BridgeError, BridgeResult};

const INDEX_BITS: u32 = 32;
const GENERATION_BITS: u32 = 23;
const GENERATION_MASK: u64 = (1 << GENERATION_BITS) - 1;

/// A table of live native objects of one type.
pub struct Registry<T: ?Sized> {
    /// Distinguishes registries so a handle from one is rejected by another. 1..=255.
    tag: u8,
    /// What Java calls the object, with its article, for messages ("a FittedModel").
    kind: &'static str,
    table: RwLock<Table<T>>,
}

struct Table<T: ?Sized> {
    slots: Vec<Slot<T>>,
    free: Vec<u32>,
}

struct Slot<T: ?Sized> {
    generation: u64,
    value: Option<Arc<T>>,
}

impl<T: ?Sized> Registry<T> {
    pub const fn new(tag: u8, kind: &'static str) -> Self {
        Registry { tag, kind, table: RwLock::new(Table { slots: Vec::new(), free: Vec::new() }) }
    }

    /// Stores `value` and returns its handle (never 0).
    pub fn insert(&self, value: T) -> BridgeResult<jlong>
    where
        T: Sized,
    {
        self.insert_arc(Arc::new(value))
    }

    /// Stores an object that may also be held elsewhere (a batch's model handed out on its
    /// own) and returns its handle (never 0).
    pub fn insert_arc(&self, value: Arc<T>) -> BridgeResult<jlong> {
        let mut table = self.table.write().map_err(|_| poisoned())?;
        let index = match table.free.pop() {
            Some(index) => index,
            None => {
                let index = u32::try_from(table.slots.len())
                    .map_err(|_| BridgeError::Internal(format!("too many live objects ({})", self.kind)))?;
                table.slots.push(Slot { generation: 0, value: None });
                index
            }
        };
        let slot = &mut table.slots[index as usize];
        // Generations start at 1 and wrap within their bits, so no handle is ever 0.
        slot.generation = (slot.generation % GENERATION_MASK) + 1;
        slot.value = Some(value);
        Ok(self.encode(index, slot.generation))
    }

    /// The object behind `handle`, kept alive for as long as the caller holds the `Arc`.
    pub fn get(&self, handle: jlong) -> BridgeResult<Arc<T>> {
        let (index, generation) = self.decode(handle)?;
        let table = self.table.read().map_err(|_| poisoned())?;
        match table.slots.get(index as usize) {
            Some(Slot { generation: g, value: Some(value) }) if *g == generation => Ok(Arc::clone(value)),
            _ => Err(BridgeError::IllegalState(format!("this {} is closed", self.kind.split_once(' ').map_or(self.kind, |(_, noun)| noun)))),
        }
    }

    /// Drops the registry's reference; returns whether the handle was live. Idempotent.
    pub fn remove(&self, handle: jlong) -> BridgeResult<bool> {
        let (index, generation) = self.decode(handle)?;
        let removed = {
            let mut table = self.table.write().map_err(|_| poisoned())?;
            let Table { slots, free } = &mut *table;
            match slots.get_mut(index as usize) {
                Some(slot) if slot.generation == generation && slot.value.is_some() => {
                    free.push(index);
                    slot.value.take()
                }
                _ => None,
            }
        };
        // The object itself is dropped here, outside the lock (or later, by a call still using it).
        Ok(removed.is_some())
    }

    /// How many objects are live: for leak checks in tests.
    #[cfg_attr(not(feature = "test-hooks"), allow(dead_code))] // read only by the test library
    pub fn live(&self) -> BridgeResult<usize> {
        let table = self.table.read().map_err(|_| poisoned())?;
        Ok(table.slots.len() - table.free.len())
    }

    fn encode(&self, index: u32, generation: u64) -> jlong {
        let bits = (u64::from(self.tag) << (INDEX_BITS + GENERATION_BITS)) | (generation << INDEX_BITS) | u64::from(index);
        bits as jlong
    }

    fn decode(&self, handle: jlong) -> BridgeResult<(u32, u64)> {
        let bits = handle as u64;
        let tag = bits >> (INDEX_BITS + GENERATION_BITS);
        if handle == 0 || tag != u64::from(self.tag) {
            return Err(BridgeError::InvalidArgument(format!("{handle} is not a handle of {}", self.kind)));
        }
        Ok(((bits & u64::from(u32::MAX)) as u32, (bits >> INDEX_BITS) & GENERATION_MASK))
    }
}

fn poisoned() -> BridgeError {
    BridgeError::Internal("a native handle table was poisoned by an earlier panic".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn handles_round_trip_and_go_stale_after_remove() {
        let registry: Registry<i32> = Registry::new(7, "a Thing");
        let h = registry.insert(41).expect("insert");
        assert_ne!(h, 0);
        assert_eq!(*registry.get(h).expect("live"), 41);
        assert!(registry.remove(h).expect("remove"));
        assert!(!registry.remove(h).expect("second remove is a no-op"));
        assert!(matches!(registry.get(h), Err(BridgeError::IllegalState(_))));
        // The slot is reused with a new generation: the old handle stays stale.
        let h2 = registry.insert(42).expect("insert");
        assert_ne!(h, h2);
        assert!(matches!(registry.get(h), Err(BridgeError::IllegalState(_))));
        assert_eq!(*registry.get(h2).expect("live"), 42);
    }

    #[test]
    fn foreign_and_made_up_handles_are_rejected() {
        let things: Registry<i32> = Registry::new(7, "a Thing");
        let others: Registry<i32> = Registry::new(8, "an Other");
        let h = others.insert(1).expect("insert");
        assert!(matches!(things.get(h), Err(BridgeError::InvalidArgument(_))));
        assert!(matches!(things.get(0), Err(BridgeError::InvalidArgument(_))));
        assert!(matches!(things.get(-1), Err(BridgeError::InvalidArgument(_))));
        assert!(matches!(things.get((7i64 << 55) | (5 << 32) | 99), Err(BridgeError::IllegalState(_))));
    }

    #[test]
    fn a_call_in_flight_keeps_its_object_alive() {
        let registry = Registry::new(3, "a Thing");
        let h = registry.insert(String::from("state")).expect("insert");
        let in_flight = registry.get(h).expect("live");
        registry.remove(h).expect("remove");
        assert_eq!(in_flight.as_str(), "state");
    }
}
