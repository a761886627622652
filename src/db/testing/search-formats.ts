// The saved search index as older code stored it, made from the current form (tests of the loads of old rows).
import { idAt, idCount } from '@/core/search/id-bytes';
import type { PackedArrays } from '@/core/search/packed-index';

/** A stored index's arrays with its ids as text (as formats 2 to 4 kept them). */
export function withTextIds(packed: PackedArrays): PackedArrays {
  const { idBytes, ...rest } = packed;
  if (!idBytes) return packed;
  const ids = Array.from({ length: idCount(idBytes) }, (_, i) => idAt(idBytes, i));
  let at = 0;
  const idEnds = new Uint32Array(ids.map((id) => (at += id.length)));
  return { ...rest, idText: ids.join(''), idEnds };
}

/** Format 4 as that code stored it: format 3's arrays and texts (UTF-8) end to end in one Blob. */
export function formatFour(p: PackedArrays) {
  const { shortIds, fieldLengths, termStart, termFields, postings, idEnds, termEnds, idText, termText } = p;
  const text = new TextEncoder();
  const parts = [shortIds, fieldLengths, termStart, termFields, postings, idEnds, termEnds]
    .map((a) => new Uint8Array(a.buffer as ArrayBuffer, a.byteOffset, a.byteLength))
    .concat([text.encode(idText), text.encode(termText)]);
  const padded = parts.flatMap((b) => [b, new Uint8Array((4 - (b.byteLength % 4)) % 4)]);
  const { documentCount, nextId, dirtCount, fieldIds, averageFieldLength, fieldCount } = p;
  return {
    ...{ documentCount, nextId, dirtCount, fieldIds, averageFieldLength, fieldCount },
    format: 4 as const,
    parts: parts.map((b) => b.byteLength),
    data: new Blob(padded),
  };
}
