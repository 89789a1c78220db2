//! A stable 64-bit hash (FNV-1a) for ids that must come out the same every time for the same input:
//! an article without a URL, an imported annotation without an id. (FNV-1a is a few lines; these ids
//! need stability, not secrecy, so a cryptographic hash would only add size.)

/// FNV-1a, 64 bits, fed piece by piece.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    /// Feeds `bytes`.
    pub fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    /// The hash of everything fed, as 16 hex digits.
    pub fn hex(&self) -> String {
        format!("{:016x}", self.0)
    }
}
