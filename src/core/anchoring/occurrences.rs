//! Finding every exact occurrence of a short string in a long text quickly, by looking only where its
//! rarest character occurs.

use crate::core::collections::slots::Slots;

/// Characters below this code point are indexed in a table; others through a map.
const DIRECT: usize = 0x800;

/// Where each character of a text occurs.
pub struct Occurrences {
    /// Positions of each character below [`DIRECT`], ascending, at its code point.
    direct: Vec<Vec<u32>>,
    /// Positions of each other character, ascending, at the place `slots` gives for it.
    other: Vec<Vec<u32>>,
    slots: Slots,
}

impl Occurrences {
    /// Indexes `chars`.
    pub fn new(chars: &[char]) -> Occurrences {
        let mut direct = vec![Vec::new(); DIRECT];
        let mut other: Vec<Vec<u32>> = Vec::new();
        let mut slots = Slots::new();
        for (i, &c) in chars.iter().enumerate() {
            let u = u32::from(c) as usize;
            if u < DIRECT {
                direct[u].push(i as u32);
            } else {
                let next = other.len();
                let slot = *slots.entry(u64::from(c)).or_insert(next);
                if slot == next {
                    other.push(Vec::new());
                }
                other[slot].push(i as u32);
            }
        }
        Occurrences {
            direct,
            other,
            slots,
        }
    }

    fn of(&self, c: char) -> &[u32] {
        let u = u32::from(c) as usize;
        if u < DIRECT {
            &self.direct[u]
        } else {
            self.slots
                .get(&u64::from(c))
                .and_then(|&slot| self.other.get(slot))
                .map_or(&[], Vec::as_slice)
        }
    }

    /// How many places [`Occurrences::find_all`] compares with `needle` (where its rarest character
    /// occurs): what finding it costs.
    pub fn candidates(&self, needle: &[char]) -> usize {
        needle.iter().map(|&c| self.of(c).len()).min().unwrap_or(0)
    }

    /// Start offsets, ascending, of every exact occurrence of `needle` in `hay` (the indexed text).
    pub fn find_all(&self, hay: &[char], needle: &[char]) -> Vec<usize> {
        let Some((offset, rarest)) = needle
            .iter()
            .enumerate()
            .min_by_key(|(_, &c)| self.of(c).len())
        else {
            return Vec::new();
        };
        self.of(*rarest)
            .iter()
            .filter_map(|&p| (p as usize).checked_sub(offset))
            .filter(|&s| hay.get(s..s + needle.len()) == Some(needle))
            .collect()
    }
}
