/** A reason that is still the quick fix's `<reason>` placeholder does not count as a reason. */
export function isPlaceholderReason(reason: string | undefined): boolean {
  return !reason || /^<[^>]*>$/.test(reason.trim());
}
