// gzip through the platform's CompressionStream (Chromium, Electron and Node 20 all have it):
// native speed, off the JavaScript heap, and no dependency.

/** The bytes gzip-compressed. */
export async function gzip(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export type GunzipResult = { ok: true; data: Uint8Array } | { ok: false; error: string };

/**
 * Decompresses gzip, stopping as soon as the output passes `maxBytes`: a small crafted file must
 * not be able to inflate into gigabytes. Never throws for bad input.
 */
export async function gunzip(data: Uint8Array, maxBytes: number): Promise<GunzipResult> {
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, error: '备份数据已损坏：解压后的大小与清单不符' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, error: '备份数据已损坏：无法解压' };
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, data: out };
}
