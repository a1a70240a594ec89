import { describe, expect, it } from 'vitest';
import { frameAncestors, identitySignature, originAllowed, verifyIdentity } from './origins.ts';

describe('allowed website origins', () => {
  it('matches exact origins, sub-domain and port wildcards as CSP does', () => {
    expect(originAllowed('https://shop.example.com', ['https://shop.example.com'])).toBe(true);
    expect(originAllowed('https://shop.example.com:443', ['https://shop.example.com'])).toBe(true);
    expect(originAllowed('http://shop.example.com', ['https://shop.example.com'])).toBe(false);
    expect(originAllowed('https://shop.example.com.evil.io', ['https://shop.example.com'])).toBe(false);
    expect(originAllowed('https://eu.shop.example.com', ['https://*.example.com'])).toBe(true);
    expect(originAllowed('https://example.com', ['https://*.example.com'])).toBe(false);
    expect(originAllowed('https://evilexample.com', ['https://*.example.com'])).toBe(false);
    expect(originAllowed('http://127.0.0.1:5173', ['http://127.0.0.1:*'])).toBe(true);
    expect(originAllowed('http://127.0.0.1:5173', ['http://127.0.0.1:3000'])).toBe(false);
    expect(originAllowed('null', ['http://127.0.0.1:*'])).toBe(false);
    expect(originAllowed(null, ['http://127.0.0.1:*'])).toBe(false);
    expect(frameAncestors(['https://a.example', 'http://127.0.0.1:*'])).toBe('https://a.example http://127.0.0.1:*');
    expect(frameAncestors([])).toBe("'none'");
  });

  it('verifies identity signatures in constant time and refuses others', () => {
    const sig = identitySignature('s3cret', 'user-42');
    expect(sig).toMatch(/^[0-9a-f]{64}$/);
    expect(verifyIdentity('s3cret', 'user-42', sig)).toBe(true);
    expect(verifyIdentity('s3cret', 'user-42', sig.toUpperCase())).toBe(true);
    expect(verifyIdentity('s3cret', 'user-43', sig)).toBe(false);
    expect(verifyIdentity('other', 'user-42', sig)).toBe(false);
    expect(verifyIdentity('s3cret', 'user-42', 'abc')).toBe(false);
  });
});
