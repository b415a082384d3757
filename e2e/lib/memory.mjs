// What a page holds in memory, read through the DevTools protocol (Chromium) after garbage
// collection, for leak tests. Compiled code is left out: V8 compiles and optimises more of the
// same functions the longer a page runs, which is not a leak.

/** { objects, native, wasmMemories, wasmBytes, nodes, listeners }:
 *  - objects: bytes of JavaScript objects, arrays, closures, strings and shapes (heap snapshot);
 *  - native: bytes the snapshot attributes to the browser's own objects (DOM, buffers);
 *  - wasmMemories / wasmBytes: every WebAssembly.Memory alive, found by prototype (reachable from
 *    the loader or not) and their sizes;
 *  - nodes / listeners: the DOM's node count (detached nodes included) and JavaScript listeners. */
export async function measureMemory(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const chunks = [];
  const onChunk = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const snapshot = JSON.parse(chunks.join(''));
  const fields = snapshot.snapshot.meta.node_fields;
  const typeNames = snapshot.snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let objects = 0;
  let native = 0;
  for (let i = 0; i < snapshot.nodes.length; i += fields.length) {
    const type = typeNames[snapshot.nodes[i + typeAt]];
    const size = snapshot.nodes[i + sizeAt];
    if (type === 'native') native += size;
    else if (type !== 'code' && type !== 'synthetic') objects += size;
  }

  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects: memories } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: memories.objectId,
    returnByValue: true,
    functionDeclaration: 'function () { return [this.length, this.reduce((sum, m) => sum + m.buffer.byteLength, 0)]; }',
  });
  const [wasmMemories, wasmBytes] = result.value;
  const dom = await cdp.send('Memory.getDOMCounters');
  return { objects, native, wasmMemories, wasmBytes, nodes: dom.nodes, listeners: dom.jsEventListeners };
}
