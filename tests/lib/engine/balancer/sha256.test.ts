/**
 * SHA-256 against the NIST FIPS 180-4 example vectors (CSRC "Examples with intermediate values": SHA256.pdf,
 * SHA2_Additional) and the R-LBK-7 test vector; the multi-block and length-boundary cases catch padding bugs.
 */
import { sha256, sha256Hex } from '@/lib/engine/balancer/sha256';

describe('sha256 (NIST vectors)', () => {
  it.each([
    ['empty string', '', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['"abc" (one block)', 'abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      '448-bit message (padding spills into a second block)',
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      '896-bit message (two blocks)',
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('%s', (_name, input, digest) => {
    expect(sha256Hex(input)).toBe(digest);
  });

  it('one million "a" (NIST long message)', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('55, 56 and 64 bytes (the padding boundaries)', () => {
    // Digests written down from coreutils `sha256sum`.
    expect(sha256Hex('a'.repeat(55))).toBe('9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318');
    expect(sha256Hex('a'.repeat(56))).toBe('b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a');
    expect(sha256Hex('a'.repeat(64))).toBe('ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb');
  });

  it('returns 32 bytes and hashes UTF-8', () => {
    expect(sha256(new Uint8Array([0x61, 0x62, 0x63])).length).toBe(32);
    expect(sha256Hex('é')).toBe(sha256Hex('\u00e9'));
    expect(sha256Hex('é')).not.toBe(sha256Hex('e'));
  });

  it('R-LBK-7 test vector: 203.0.113.10 orders node-c (64a599b0…), node-a (939733…), node-b (d84ada…)', () => {
    expect(sha256Hex('node-c#203.0.113.10').slice(0, 8)).toBe('64a599b0');
    expect(sha256Hex('node-a#203.0.113.10').slice(0, 6)).toBe('939733');
    expect(sha256Hex('node-b#203.0.113.10').slice(0, 6)).toBe('d84ada');
  });
});
