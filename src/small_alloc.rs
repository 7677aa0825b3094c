//! The wasm heap's allocator for small blocks.
//!
//! A cold start allocates a few million small blocks (every text value, every link) and frees
//! almost none of them; the general allocator (`dlmalloc`, the wasm target's `System`) spent a
//! fifth of the main thread's time in `malloc` doing it. Blocks of up to [`LARGEST`] bytes are
//! served here instead: one free list per size class (multiples of 8 bytes), refilled by
//! carving 64 KB slabs taken from the backing allocator. Allocating is a pop or a pointer bump,
//! freeing is a push, and a block carries no header. A freed block is only reused for its
//! own size class; memory taken for slabs is never handed back, which costs nothing on wasm,
//! where memory never shrinks anyway.
//!
//! Anything larger, or aligned to more than 8 bytes, goes to the backing allocator. Which
//! allocator owns a block depends only on its layout, so `dealloc` and `realloc` know where
//! to send it.
//!
//! It keeps its state in plain cells, without locks: [`WasmHeap`], the global one, exists only
//! on single-threaded wasm.

use std::alloc::{GlobalAlloc, Layout};
use std::cell::UnsafeCell;
use std::ptr;

/// Size classes are multiples of this, which is also the alignment every block gets.
const GRAIN: usize = 8;
/// The largest block served from the size classes.
pub const LARGEST: usize = 1024;
const CLASSES: usize = LARGEST / GRAIN;
/// The memory taken from the backing allocator at a time.
const SLAB: usize = 64 * 1024;

/// A small-block allocator in front of `backing`.
pub struct SmallBlocks<A> {
    backing: A,
    state: UnsafeCell<State>,
}

struct State {
    /// Per size class, the first free block; each free block starts with the next one.
    free: [*mut u8; CLASSES],
    /// The unused rest of the current slab.
    next: *mut u8,
    end: *mut u8,
}

impl<A> SmallBlocks<A> {
    pub const fn new(backing: A) -> Self {
        SmallBlocks { backing, state: UnsafeCell::new(State { free: [ptr::null_mut(); CLASSES], next: ptr::null_mut(), end: ptr::null_mut() }) }
    }
}

/// The size class of a layout this allocator serves, `None` for the backing allocator's.
fn class(layout: Layout) -> Option<usize> {
    (layout.size() <= LARGEST && layout.align() <= GRAIN).then(|| layout.size().max(1).div_ceil(GRAIN) - 1)
}

fn class_size(class: usize) -> usize {
    (class + 1) * GRAIN
}

impl<A: GlobalAlloc> SmallBlocks<A> {
    /// A block of size class `class`, or null when the backing allocator has no memory left.
    ///
    /// # Safety
    /// No other call into this allocator may be running (single-threaded use).
    unsafe fn take(&self, class: usize) -> *mut u8 {
        // SAFETY: single-threaded (the caller's contract), so this is the only reference.
        let state = unsafe { &mut *self.state.get() };
        let head = state.free[class];
        if !head.is_null() {
            // SAFETY: a free block starts with the pointer to the next free block (see `put`),
            // written 8-aligned.
            state.free[class] = unsafe { head.cast::<*mut u8>().read() };
            return head;
        }
        let size = class_size(class);
        if (state.end as usize) - (state.next as usize) < size {
            // The rest of the old slab (less than one block) is left unused.
            // SAFETY: SLAB is a valid, non-zero size and GRAIN a power of two.
            let slab = unsafe { self.backing.alloc(Layout::from_size_align_unchecked(SLAB, GRAIN)) };
            if slab.is_null() {
                return slab;
            }
            state.next = slab;
            // SAFETY: one past the end of the slab just allocated.
            state.end = unsafe { slab.add(SLAB) };
        }
        let block = state.next;
        // SAFETY: `size` bytes remain in the slab (checked above).
        state.next = unsafe { block.add(size) };
        block
    }

    /// Hands a block back to its size class.
    ///
    /// # Safety
    /// `block` was returned by `take(class)` and is no longer used; single-threaded use.
    unsafe fn put(&self, block: *mut u8, class: usize) {
        // SAFETY: single-threaded, and the block is ours again: it holds the list's link.
        unsafe {
            let state = &mut *self.state.get();
            block.cast::<*mut u8>().write(state.free[class]);
            state.free[class] = block;
        }
    }
}

// SAFETY: blocks are 8-aligned (slabs are, and class sizes are multiples of 8), at least as
// large as asked, never handed out twice while live; layouts outside the classes are passed
// to the backing allocator unchanged, and `class` sends every block back to its owner.
unsafe impl<A: GlobalAlloc> GlobalAlloc for SmallBlocks<A> {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        match class(layout) {
            // SAFETY: the caller upholds GlobalAlloc's contract; single-threaded per `WasmHeap`.
            Some(class) => unsafe { self.take(class) },
            None => unsafe { self.backing.alloc(layout) },
        }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        match class(layout) {
            // SAFETY: a block of this layout came from `take` of the same class.
            Some(class) => unsafe { self.put(block, class) },
            None => unsafe { self.backing.dealloc(block, layout) },
        }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        match class(layout) {
            Some(_) => {
                // SAFETY: as `alloc`; a reused block may hold old bytes, so clear it.
                let block = unsafe { self.alloc(layout) };
                if !block.is_null() {
                    unsafe { block.write_bytes(0, layout.size()) };
                }
                block
            }
            None => unsafe { self.backing.alloc_zeroed(layout) },
        }
    }

    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees a valid layout for `new_size` with the same alignment.
        let new_layout = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        match (class(layout), class(new_layout)) {
            (Some(old), Some(new)) if old == new => block,
            (None, None) => unsafe { self.backing.realloc(block, layout, new_size) },
            _ => {
                // SAFETY: a fresh block of the new layout, then the old one's bytes that fit.
                unsafe {
                    let moved = self.alloc(new_layout);
                    if !moved.is_null() {
                        ptr::copy_nonoverlapping(block, moved, layout.size().min(new_size));
                        self.dealloc(block, layout);
                    }
                    moved
                }
            }
        }
    }
}

/// The global allocator of the wasm build: small blocks in front of the target's own.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
pub struct WasmHeap(pub SmallBlocks<std::alloc::System>);

// SAFETY: wasm32 without the atomics feature has a single thread, so the cells are never
// touched by two threads.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
unsafe impl Sync for WasmHeap {}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
// SAFETY: forwards to `SmallBlocks`, whose single-thread requirement `Sync` above explains.
unsafe impl GlobalAlloc for WasmHeap {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        unsafe { self.0.alloc(layout) }
    }
    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        unsafe { self.0.dealloc(block, layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        unsafe { self.0.alloc_zeroed(layout) }
    }
    unsafe fn realloc(&self, block: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        unsafe { self.0.realloc(block, layout, new_size) }
    }
}

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static HEAP: WasmHeap = WasmHeap(SmallBlocks::new(std::alloc::System));

#[cfg(test)]
mod tests;
