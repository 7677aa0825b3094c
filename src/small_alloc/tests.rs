use std::alloc::System;
use std::cell::Cell;

use proptest::prelude::*;

use super::*;

/// The system allocator, counting what reaches it and able to refuse.
#[derive(Default)]
struct Backing {
    allocs: Cell<usize>,
    frees: Cell<usize>,
    refuse: Cell<bool>,
}

unsafe impl GlobalAlloc for Backing {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if self.refuse.get() {
            return ptr::null_mut();
        }
        self.allocs.set(self.allocs.get() + 1);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, block: *mut u8, layout: Layout) {
        self.frees.set(self.frees.get() + 1);
        unsafe { System.dealloc(block, layout) }
    }
}

fn layout(size: usize, align: usize) -> Layout {
    Layout::from_size_align(size, align).expect("valid layout")
}

/// A live block and the byte it was filled with.
struct Live {
    block: *mut u8,
    layout: Layout,
    fill: u8,
}

impl Live {
    fn fill(&self) {
        unsafe { self.block.write_bytes(self.fill, self.layout.size()) };
    }

    fn intact(&self) -> bool {
        unsafe { std::slice::from_raw_parts(self.block, self.layout.size()) }.iter().all(|b| *b == self.fill)
    }
}

#[derive(Clone, Debug)]
enum Step {
    Alloc { size: usize, align_shift: u32 },
    Free(usize),
    Realloc(usize, usize),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (1..600usize, 0..5u32).prop_map(|(size, align_shift)| Step::Alloc { size, align_shift }),
        any::<usize>().prop_map(Step::Free),
        (any::<usize>(), 1..600usize).prop_map(|(i, size)| Step::Realloc(i, size)),
    ]
}

proptest! {
    /// Whatever the order of calls, live blocks are aligned as asked and never overlap: each
    /// keeps the bytes written into it until it is freed.
    #[test]
    fn live_blocks_keep_their_bytes(steps in prop::collection::vec(step(), 1..400)) {
        let heap = SmallBlocks::new(Backing::default());
        let mut live: Vec<Live> = Vec::new();
        for (n, step) in steps.into_iter().enumerate() {
            let fill = (n % 251) as u8 + 1;
            match step {
                Step::Alloc { size, align_shift } => {
                    let layout = layout(size, 1 << align_shift);
                    let block = unsafe { heap.alloc(layout) };
                    prop_assert!(!block.is_null());
                    prop_assert_eq!(block as usize % layout.align(), 0);
                    let new = Live { block, layout, fill };
                    new.fill();
                    live.push(new);
                }
                Step::Free(i) if !live.is_empty() => {
                    let gone = live.swap_remove(i % live.len());
                    prop_assert!(gone.intact());
                    unsafe { heap.dealloc(gone.block, gone.layout) };
                }
                Step::Realloc(i, size) if !live.is_empty() => {
                    let i = i % live.len();
                    let old = &live[i];
                    prop_assert!(old.intact());
                    let kept = old.layout.size().min(size);
                    let block = unsafe { heap.realloc(old.block, old.layout, size) };
                    prop_assert!(!block.is_null());
                    prop_assert_eq!(block as usize % old.layout.align(), 0);
                    let moved = Live { block, layout: layout(size, old.layout.align()), fill: old.fill };
                    let carried = unsafe { std::slice::from_raw_parts(block, kept) }.iter().all(|b| *b == moved.fill);
                    prop_assert!(carried, "realloc keeps the bytes that fit");
                    moved.fill();
                    live[i] = moved;
                }
                _ => {}
            }
            for other in &live {
                prop_assert!(other.intact());
            }
        }
        for gone in live {
            unsafe { heap.dealloc(gone.block, gone.layout) };
        }
    }
}

#[test]
fn small_blocks_come_from_shared_slabs_and_freed_ones_are_reused() {
    let heap = SmallBlocks::new(Backing::default());
    let small = layout(24, 8);
    let blocks: Vec<*mut u8> = (0..1000).map(|_| unsafe { heap.alloc(small) }).collect();
    // 1,000 blocks of 24 bytes fit in one 64 KB slab.
    assert_eq!(heap.backing.allocs.get(), 1);
    let freed = blocks[500];
    unsafe { heap.dealloc(freed, small) };
    assert_eq!(unsafe { heap.alloc(small) }, freed, "the freed block is handed out next");
    // Another size in the same class (17–24 bytes) shares the free list.
    unsafe { heap.dealloc(freed, small) };
    assert_eq!(unsafe { heap.alloc(layout(17, 1)) }, freed);
    for block in blocks {
        unsafe { heap.dealloc(block, small) };
    }
    assert_eq!(heap.backing.frees.get(), 0, "slabs are kept");
}

#[test]
fn large_or_over_aligned_blocks_go_to_the_backing_allocator() {
    let heap = SmallBlocks::new(Backing::default());
    for layout in [layout(LARGEST + 1, 8), layout(4096, 8), layout(32, 16)] {
        let before = heap.backing.allocs.get();
        let block = unsafe { heap.alloc(layout) };
        assert_eq!(heap.backing.allocs.get(), before + 1, "{layout:?}");
        unsafe { heap.dealloc(block, layout) };
    }
    assert_eq!(heap.backing.frees.get(), 3);
}

#[test]
fn a_growing_block_keeps_its_place_within_its_class_and_moves_across_classes() {
    let heap = SmallBlocks::new(Backing::default());
    let block = unsafe { heap.alloc(layout(9, 1)) };
    unsafe { block.write_bytes(7, 9) };
    assert_eq!(unsafe { heap.realloc(block, layout(9, 1), 16) }, block, "9 and 16 bytes share a class");
    let moved = unsafe { heap.realloc(block, layout(16, 1), 1000) };
    assert_ne!(moved, block);
    assert!(unsafe { std::slice::from_raw_parts(moved, 9) }.iter().all(|b| *b == 7));
    let back = unsafe { heap.realloc(moved, layout(1000, 1), 3) };
    assert!(unsafe { std::slice::from_raw_parts(back, 3) }.iter().all(|b| *b == 7));
    unsafe { heap.dealloc(back, layout(3, 1)) };
}

#[test]
fn zeroed_blocks_are_zero_even_when_reused() {
    let heap = SmallBlocks::new(Backing::default());
    let small = layout(40, 8);
    let block = unsafe { heap.alloc(small) };
    unsafe { block.write_bytes(0xff, 40) };
    unsafe { heap.dealloc(block, small) };
    let zeroed = unsafe { heap.alloc_zeroed(small) };
    assert_eq!(zeroed, block);
    assert!(unsafe { std::slice::from_raw_parts(zeroed, 40) }.iter().all(|b| *b == 0));
}

#[test]
fn an_exhausted_backing_allocator_yields_null_not_a_bad_block() {
    let heap = SmallBlocks::new(Backing::default());
    heap.backing.refuse.set(true);
    assert!(unsafe { heap.alloc(layout(8, 8)) }.is_null());
    assert!(unsafe { heap.alloc(layout(4096, 8)) }.is_null());
    heap.backing.refuse.set(false);
    assert!(!unsafe { heap.alloc(layout(8, 8)) }.is_null());
}
