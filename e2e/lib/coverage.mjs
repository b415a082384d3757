// Turns Chromium's V8 JS coverage (from playwright's page.coverage) into function and line
// coverage for one script, merged across several pages.
//
// What V8 reports (precise "block" coverage, which playwright asks for): per script, a list of
// functions, each with a list of ranges { startOffset, endOffset, count }. The first range of a
// function is the whole function and how often it was called; later ranges are blocks inside it
// (a branch, the rest of a body after a `return`, the right side of `||`, ...) with their own
// counts. The script's top level is reported as a function whose range is the whole source.
// Ranges nest: any two are disjoint or one contains the other. Offsets count UTF-16 code units of
// the script source as a JavaScript string (so a "…" is one unit); "byte" below means one of those.
//
// Our rules:
// - A byte is covered when the innermost range containing it has count > 0 (an inner count-0 block
//   inside a called function is not covered; an inner counted block wins over its parent).
//   A byte in no range at all is not covered.
// - A line is counted only if it has at least one code byte: not whitespace and not inside a
//   comment. Such a line is covered when EVERY code byte on it is covered, so a line with a
//   ternary or `a || b` whose other side never ran is not covered.
// - Functions: every function V8 reports except the top-level script. A function is covered when
//   its own (first) range has count > 0. V8 reports a function only once its parent was compiled,
//   so a function nested in a never-called function is missing from the total; that cannot hide a
//   gap at 100%, because then its parent is an uncovered function.
// - Merging runs (pages): a byte is covered if it was covered in any run; a function is covered if
//   it was called in any run. Runs must have the same source text (offsets refer to it).

/** Per byte of `source`: 1 when covered by the innermost enclosing range of `functions`, else 0. */
export function coveredBytes(source, functions) {
  const ranges = functions.flatMap((f) => f.ranges)
    .slice()
    // Outer before inner: by start, then the longer first. Painting in this order leaves each
    // byte with the count of the innermost range that contains it.
    .sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  // Check the nesting we rely on: a range that starts inside another must end inside it too.
  const open = [];
  for (const r of ranges) {
    if (r.startOffset < 0 || r.endOffset > source.length || r.startOffset > r.endOffset) {
      throw new Error(`range ${r.startOffset}-${r.endOffset} is outside the source (${source.length})`);
    }
    while (open.length && open.at(-1).endOffset <= r.startOffset) open.pop();
    const parent = open.at(-1);
    if (parent && r.endOffset > parent.endOffset) {
      throw new Error(`ranges ${parent.startOffset}-${parent.endOffset} and ${r.startOffset}-${r.endOffset} overlap without nesting`);
    }
    open.push(r);
  }
  const covered = new Uint8Array(source.length);
  for (const r of ranges) covered.fill(r.count > 0 ? 1 : 0, r.startOffset, r.endOffset);
  return covered;
}

/**
 * Per byte of `source`: 1 for code, 0 for whitespace (anywhere) and comments. A small lexer: it knows
 * strings, template literals (with nested `${…}`), regular-expression literals and both kinds of
 * comment, so `//` inside a string or template is not taken for a comment. Whether a `/` starts a
 * regular expression is decided by the token before it (after an operator, `(`, `,`, `=`, `:`,
 * `[`, `!`, `&`, `|`, `?`, `{`, `}`, `;`, a keyword like `return`, or at the start: a regex;
 * otherwise a division), which is right for ordinary code.
 */
export function codeBytes(source) {
  const code = new Uint8Array(source.length);
  const n = source.length;
  const templateDepth = []; // brace depth at each `${` we are inside
  let braces = 0;
  let prev = ''; // last significant code character, or a keyword marker
  let i = 0;
  const mark = (from, to) => code.fill(1, from, to);
  const regexCanStart = () => prev === '' || prev === 'keyword' || '(,=:[!&|?{};+-*%<>~^'.includes(prev);
  const readString = (quote) => { // i at the opening quote
    const start = i++;
    while (i < n && source[i] !== quote) i += source[i] === '\\' ? 2 : 1;
    i++;
    mark(start, i);
    prev = 'x';
  };
  const readTemplate = () => { // i at ` or just after a closing } of ${…}; stops after ` or ${
    const start = i;
    if (source[i] === '`') i++;
    while (i < n) {
      if (source[i] === '\\') { i += 2; continue; }
      if (source[i] === '`') { i++; mark(start, i); prev = 'x'; return; }
      if (source[i] === '$' && source[i + 1] === '{') {
        i += 2;
        mark(start, i);
        templateDepth.push(braces);
        braces++;
        prev = '{';
        return;
      }
      i++;
    }
    mark(start, i);
  };
  while (i < n) {
    const c = source[i];
    const next = source[i + 1];
    if (/\s/.test(c)) { i++; continue; }
    if (c === '/' && next === '/') { while (i < n && source[i] !== '\n') i++; continue; }
    if (c === '/' && next === '*') { const end = source.indexOf('*/', i + 2); i = end < 0 ? n : end + 2; continue; }
    if (c === '"' || c === "'") { readString(c); continue; }
    if (c === '`') { readTemplate(); continue; }
    if (c === '/' && regexCanStart()) {
      const start = i++;
      let inClass = false;
      while (i < n && source[i] !== '\n') {
        const d = source[i];
        if (d === '\\') { i += 2; continue; }
        if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        i++;
      }
      i++;
      while (i < n && /[a-z]/i.test(source[i])) i++; // flags
      mark(start, i);
      prev = 'x';
      continue;
    }
    if (c === '{') braces++;
    if (c === '}') {
      braces--;
      if (templateDepth.length && templateDepth.at(-1) === braces) {
        templateDepth.pop();
        readTemplate(); // the rest of the template after this `}`
        continue;
      }
    }
    if (/[A-Za-z_$0-9]/.test(c)) {
      const start = i;
      while (i < n && /[A-Za-z_$0-9]/.test(source[i])) i++;
      mark(start, i);
      const word = source.slice(start, i);
      prev = ['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await']
        .includes(word) ? 'keyword' : 'x';
      continue;
    }
    mark(i, i + 1);
    prev = c === ')' || c === ']' ? 'x' : c;
    i++;
  }
  // Whitespace is never code, inside a string or template literal either.
  for (let j = 0; j < n; j++) if (/\s/.test(source[j])) code[j] = 0;
  return code;
}

/** The key and display name of each function of a V8 entry, without the top-level script. */
function functionsOf(source, functions) {
  return functions
    .filter((f) => !(f.ranges[0].startOffset === 0 && f.ranges[0].endOffset === source.length))
    .map((f) => ({
      key: `${f.ranges[0].startOffset}-${f.ranges[0].endOffset}`,
      name: f.functionName || '(anonymous)',
      start: f.ranges[0].startOffset,
      called: f.ranges[0].count > 0,
    }));
}

/**
 * Merges V8 coverage entries of one script (each { source, functions }, e.g. one per page) and
 * returns function and line figures, with the lines and functions that are not covered.
 */
export function lineCoverage(entries) {
  if (!entries.length) throw new Error('no coverage entries for the script');
  const { source } = entries[0];
  const covered = new Uint8Array(source.length);
  const fns = new Map();
  for (const e of entries) {
    if (e.source !== source) throw new Error(`different source texts for ${e.url ?? 'the script'}`);
    const bytes = coveredBytes(source, e.functions);
    for (let i = 0; i < bytes.length; i++) covered[i] |= bytes[i];
    for (const f of functionsOf(source, e.functions)) {
      const seen = fns.get(f.key);
      fns.set(f.key, { ...f, called: f.called || !!seen?.called });
    }
  }
  const code = codeBytes(source);
  const lines = { covered: 0, total: 0, missed: [] };
  let start = 0;
  source.split('\n').forEach((text, index) => {
    let hasCode = false;
    let all = true;
    for (let i = start; i < start + text.length; i++) {
      if (!code[i]) continue;
      hasCode = true;
      if (!covered[i]) all = false;
    }
    if (hasCode) {
      lines.total++;
      if (all) lines.covered++;
      else lines.missed.push(index + 1);
    }
    start += text.length + 1;
  });
  const list = [...fns.values()].sort((a, b) => a.start - b.start);
  const lineOf = (offset) => source.slice(0, offset).split('\n').length;
  return {
    functions: {
      covered: list.filter((f) => f.called).length,
      total: list.length,
      missed: list.filter((f) => !f.called).map((f) => `${f.name} (line ${lineOf(f.start)})`),
    },
    lines,
  };
}

const pct = (a, b) => (b ? (100 * a) / b : 100);

/** "functions 12/12 (100%), lines 171/178 (96.1%)" */
export function describeCoverage({ functions, lines }) {
  const f = pct(functions.covered, functions.total);
  const l = pct(lines.covered, lines.total);
  return `functions ${functions.covered}/${functions.total} (${Number(f.toFixed(1))}%), `
    + `lines ${lines.covered}/${lines.total} (${Number(l.toFixed(1))}%)`;
}

export { pct as percent };
