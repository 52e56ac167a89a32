/**
 * Just enough of the protobuf wire format to read Anki's small messages (package meta, media list, note type and
 * template configs) without a code generator: a message becomes a list of (field number, value) pairs.
 */

export type ProtoValue = number | Uint8Array;
export interface ProtoField {
  field: number;
  /** Varints and fixed numbers as numbers (safe up to 2^53, enough for Anki's ids); length-delimited as bytes. */
  value: ProtoValue;
}

export class ProtoError extends Error {}

export function decodeMessage(bytes: Uint8Array): ProtoField[] {
  const out: ProtoField[] = [];
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      if (pos >= bytes.length) throw new ProtoError('truncated varint');
      const b = bytes[pos++]!;
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw new ProtoError('varint longer than 10 bytes');
  };
  while (pos < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wire = key % 8;
    if (field === 0) throw new ProtoError('field number 0');
    if (wire === 0) out.push({ field, value: varint() });
    else if (wire === 2) {
      const length = varint();
      if (pos + length > bytes.length) throw new ProtoError('length past the end of the message');
      out.push({ field, value: bytes.subarray(pos, pos + length) });
      pos += length;
    } else if (wire === 1 || wire === 5) {
      const size = wire === 1 ? 8 : 4;
      if (pos + size > bytes.length) throw new ProtoError('truncated fixed-width field');
      const view = new DataView(bytes.buffer, bytes.byteOffset + pos, size);
      out.push({ field, value: size === 8 ? Number(view.getBigUint64(0, true)) : view.getUint32(0, true) });
      pos += size;
    } else throw new ProtoError(`unsupported wire type ${wire}`);
  }
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function fieldNumber(fields: ProtoField[], field: number, fallback = 0): number {
  const hit = fields.find((f) => f.field === field);
  return typeof hit?.value === 'number' ? hit.value : fallback;
}

export function fieldString(fields: ProtoField[], field: number): string {
  const hit = fields.find((f) => f.field === field);
  return hit && hit.value instanceof Uint8Array ? utf8.decode(hit.value) : '';
}

export function fieldMessages(fields: ProtoField[], field: number): ProtoField[][] {
  return fields.filter((f) => f.field === field && f.value instanceof Uint8Array).map((f) => decodeMessage(f.value as Uint8Array));
}
