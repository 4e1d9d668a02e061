// Reads a WebAssembly module's sections, function bodies and names — what the size ledger
// (scripts/size.mjs) needs to say where a module's bytes go. No dependency: the binary format's
// few parts read here are LEB128 numbers and length-prefixed vectors.

/** The module's sections, functions and data segments. */
export function readModule(bytes) {
  let at = 8; // magic + version
  const u32 = () => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[at++];
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
    }
  };
  const name = () => {
    const n = u32();
    const s = new TextDecoder().decode(bytes.subarray(at, at + n));
    at += n;
    return s;
  };
  const sections = [];
  let importedFuncs = 0;
  const bodies = [];
  const names = new Map();
  const data = [];
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = u32();
    const start = at;
    const end = start + size;
    let label = SECTION_NAMES[id] ?? `section ${id}`;
    if (id === 0) {
      label = `custom "${name()}"`;
      if (label === 'custom "name"') {
        while (at < end) {
          const kind = bytes[at++];
          const len = u32();
          const next = at + len;
          if (kind === 1) {
            for (let n = u32(); n > 0; n--) {
              const index = u32();
              names.set(index, name());
            }
          }
          at = next;
        }
      }
    } else if (id === 2) {
      for (let n = u32(); n > 0; n--) {
        name();
        name();
        const kind = bytes[at++];
        if (kind === 0) { u32(); importedFuncs++; }
        else if (kind === 1) { at++; limits(); }
        else if (kind === 2) limits();
        else if (kind === 3) at += 2;
        else if (kind === 4) { at++; u32(); }
      }
    } else if (id === 10) {
      for (let n = u32(); n > 0; n--) {
        const len = u32();
        bodies.push(len);
        at += len;
      }
    } else if (id === 11) {
      for (let n = u32(); n > 0; n--) {
        const flags = u32();
        if (flags === 2) u32();
        if (flags !== 1) while (bytes[at++] !== 0x0b); // the offset expression, up to `end`
        const len = u32();
        data.push(len);
        at += len;
      }
    }
    sections.push({ id, label, size });
    at = end;
  }
  function limits() {
    const flags = u32();
    u32();
    if (flags & 1) u32();
  }
  const functions = bodies.map((size, i) => ({ index: importedFuncs + i, size, name: names.get(importedFuncs + i) ?? null }));
  return { sections, importedFuncs, functions, data, hasNames: names.size > 0 };
}

const SECTION_NAMES = {
  1: 'types', 2: 'imports', 3: 'functions', 4: 'tables', 5: 'memory', 6: 'globals', 7: 'exports',
  8: 'start', 9: 'elements', 10: 'code', 11: 'data', 12: 'data count', 13: 'tags',
};

/** Rust's legacy mangling (`_ZN…E`) to `a::b::c` (the hash dropped); other names unchanged. */
export function demangle(raw) {
  if (!raw.startsWith('_ZN')) return raw.replace(/::h[0-9a-f]{16}$/, '');
  let at = 3;
  const parts = [];
  while (at < raw.length && raw[at] !== 'E') {
    let digits = '';
    while (/[0-9]/.test(raw[at])) digits += raw[at++];
    if (!digits) break;
    const n = Number(digits);
    parts.push(raw.slice(at, at + n));
    at += n;
  }
  if (parts.length && /^h[0-9a-f]{16}$/.test(parts[parts.length - 1])) parts.pop();
  return parts.map(unescapeSegment).join('::');
}

function unescapeSegment(s) {
  return s.replace(/^_\$/, '$').replace(/\$([A-Z]{2}|u[0-9a-f]+|LT|GT|RF|BP|C)\$/g, (_, code) => ({
    SP: '@', BP: '*', RF: '&', LT: '<', GT: '>', LP: '(', RP: ')', C: ',',
  })[code] ?? (code.startsWith('u') ? String.fromCodePoint(parseInt(code.slice(1), 16)) : code))
    .replace(/\.\./g, '::');
}

/** The crate a demangled function name belongs to: the first path segment of the item that
 *  defines it (`<T as Trait>::f` belongs to T's crate, a closure to its function's). */
export function crateOf(name) {
  // `core[c5930c85a12de822]::…`: the crate's disambiguator goes
  const s = name.replace(/\[[0-9a-f]{16}\]/g, '');
  // `<T as tachys::…>::f`, `<f64 as core::…>::f`: a type parameter or a primitive implements a
  // trait of the crate after `as`
  const impl = /^<&?(?:mut )?([A-Za-z_][A-Za-z0-9_]*)(?:<[^>]*>)? as &?(?:mut )?([A-Za-z_][A-Za-z0-9_]*)::/.exec(s);
  if (impl && (PRIMITIVE.has(impl[1]) || /^[A-Z]$/.test(impl[1]))) return impl[2];
  const m = /^[<&\[(]*(?:mut )?([A-Za-z_][A-Za-z0-9_]*)(::|$|<| |>)/.exec(s);
  if (!m) return '(unnamed)';
  return PRIMITIVE.has(m[1]) ? 'core' : m[1];
}

const PRIMITIVE = new Set(['bool', 'char', 'str', 'f32', 'f64', 'i8', 'i16', 'i32', 'i64', 'i128', 'isize',
  'u8', 'u16', 'u32', 'u64', 'u128', 'usize', 'dyn']);

/** `parkmap::ui::map::…` → `ui::map` (our module, two levels deep), else null. */
export function ourModule(name, crate = 'parkmap') {
  const s = name.replace(/^</, '');
  if (!s.startsWith(`${crate}::`)) return null;
  const parts = s.slice(crate.length + 2).split('::').filter((p) => /^[a-z_][a-z0-9_]*$/.test(p));
  if (parts.length === 0) return '(crate root)';
  return parts[0] === 'ui' || parts[0] === 'model' || parts[0] === 'read' ? parts.slice(0, 2).join('::') : parts[0];
}
