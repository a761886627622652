import { describe, expect, test } from 'vitest';
import { declaredCharset, isLegacyCharset } from './charset';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('declaredCharset', () => {
  test('reads <meta charset> and the http-equiv form in the first 1024 bytes', () => {
    expect(declaredCharset(bytes('<!doctype html><head><meta charset="Windows-1252"><title>x'))).toBe(
      'windows-1252',
    );
    expect(
      declaredCharset(
        bytes('<html><head><META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">'),
      ),
    ).toBe('iso-8859-1');
    expect(declaredCharset(bytes("<meta charset='shift_jis'>"))).toBe('shift_jis');
    expect(declaredCharset(bytes('<html><body><p>charset=koi8-r in prose</p>'))).toBeNull();
    expect(declaredCharset(bytes(`${' '.repeat(1024)}<meta charset="windows-1252">`))).toBeNull();
  });

  test('a legacy charset is one the decoder knows, other than UTF-8 and UTF-16', () => {
    expect(isLegacyCharset('windows-1252')).toBe(true);
    expect(isLegacyCharset('latin1')).toBe(true);
    expect(isLegacyCharset('utf-8')).toBe(false);
    expect(isLegacyCharset('utf-16le')).toBe(false);
    expect(isLegacyCharset('no-such-encoding')).toBe(false);
    expect(isLegacyCharset('iso-2022-kr')).toBe(false); // the "replacement" encoding: refuses everything
    expect(isLegacyCharset(null)).toBe(false);
  });
});
