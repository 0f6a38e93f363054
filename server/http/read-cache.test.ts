import { describe, expect, it } from 'vitest';
import { ResponseCache } from './read-cache';

describe('ResponseCache', () => {
  it('answers what was stored for the same data version and question', () => {
    const cache = new ResponseCache();
    cache.set('7', '/summary', '{"a":1}');
    expect(cache.get('7', '/summary')).toBe('{"a":1}');
    expect(cache.get('7', '/targets')).toBeUndefined();
    expect(cache.get('8', '/summary')).toBeUndefined();
  });

  it('drops the answers of older data versions once a newer one is stored', () => {
    const cache = new ResponseCache();
    cache.set('9', '/summary', 'old');
    cache.set('9', '/review', 'old review');
    cache.set('10', '/summary', 'new');
    expect(cache.size).toBe(1);
    expect(cache.get('9', '/review')).toBeUndefined();
    expect(cache.get('10', '/summary')).toBe('new');
  });

  it('does not keep an answer computed from a version older than one stored', () => {
    const cache = new ResponseCache();
    cache.set('10', '/summary', 'new');
    cache.set('9', '/review', 'late');
    expect(cache.get('9', '/review')).toBeUndefined();
    expect(cache.get('10', '/summary')).toBe('new');
  });

  it('holds at most the characters it is given, least recently used going first', () => {
    const cache = new ResponseCache(256, 10);
    cache.set('1', 'a', 'xxxx');
    cache.set('1', 'b', 'yyyy');
    expect(cache.get('1', 'a')).toBe('xxxx'); // a is now the most recently used
    cache.set('1', 'c', 'zzzz');
    expect(cache.get('1', 'b')).toBeUndefined();
    expect(cache.get('1', 'a')).toBe('xxxx');
    expect(cache.get('1', 'c')).toBe('zzzz');
    cache.set('1', 'big', 'w'.repeat(11));
    expect(cache.get('1', 'big')).toBeUndefined();
    expect(cache.size).toBe(2);
  });

  it('holds at most `limit` answers', () => {
    const cache = new ResponseCache(2);
    cache.set('1', 'a', '1');
    cache.set('1', 'b', '2');
    cache.set('1', 'c', '3');
    expect(cache.get('1', 'a')).toBeUndefined();
    expect(cache.size).toBe(2);
  });
});
