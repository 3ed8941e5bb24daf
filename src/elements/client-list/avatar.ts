/** Up to two initials of a display name (first letter of the first and last words), upper-cased. */
export function initialsOf(name: string): string {
  // Only the start of the name matters; a 10,000-character name must not cost a full split.
  const words = name.slice(0, 200).trim().split(/\s+/).filter(Boolean);
  if (!words.length) return '?';
  // Code points, not UTF-16 units: an emoji or astral letter stays whole.
  const first = (w: string) => [...w.slice(0, 4)][0] ?? '';
  const last = words.length > 1 ? first(words[words.length - 1]!) : '';
  const out = first(words[0]!) + (/\p{L}/u.test(last) ? last : '');
  return out.toLocaleUpperCase();
}

/**
 * A background colour derived from a client id (the same client always gets the same one).
 * Lightness is kept low enough for white initials to pass WCAG AA contrast on every hue.
 */
export function avatarColor(id: string): string {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return `hsl(${(h >>> 0) % 360} 45% 32%)`;
}
