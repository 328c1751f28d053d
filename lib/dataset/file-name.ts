// C0/C1 controls and bidi overrides, which could disguise a name.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSHOWABLE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** A file name as shown to the user: no path, no control characters, not endless. */
export function displayFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '').replace(UNSHOWABLE, '');
  return base.length > 120 ? `${base.slice(0, 117)}…` : base;
}
