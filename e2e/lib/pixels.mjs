// Compares two screenshots of the widget (pngjs images) the way a person would: a changed
// colour, a moved word or a missing border counts; anti-aliasing at an edge does not.

/** Pixels that differ from the plain page's by more than 4 in a channel (1-3 is a rounded
 *  corner's gradient composited differently), split into those on an edge of the plain image (a
 *  pixel up to 2 away differs by more than 24: anti-aliasing of a rounded corner, a circle or a
 *  fractional last row, which depends on compositing) and those in flat areas (a real change: a
 *  colour, a missing border). A moved word changes mostly edge pixels, so callers also bound
 *  `share`, the edge pixels changed as a share of all. */
export function pixelChanges(plain, other) {
  if (other.width !== plain.width || other.height !== plain.height) {
    throw new Error(`not the same size: ${other.width}x${other.height} against ${plain.width}x${plain.height}`);
  }
  const { width, height, data } = plain;
  const at = (x, y, c) => data[(y * width + x) * 4 + c];
  let edge = 0;
  let flat = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (![0, 1, 2].some((c) => Math.abs(data[i + c] - other.data[i + c]) > 4)) continue;
      let onEdge = y === height - 1;
      for (let dy = -2; dy <= 2 && !onEdge; dy++) {
        for (let dx = -2; dx <= 2 && !onEdge; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          onEdge = [0, 1, 2].some((c) => Math.abs(at(nx, ny, c) - data[i + c]) > 24);
        }
      }
      if (onEdge) edge++; else flat++;
    }
  }
  return { flat, edge, share: edge / (width * height) };
}
