/**
 * Whether this device uses Apple's keys (⌘ for shortcuts, Ctrl+Shift+M in Monaco): macOS, iOS and
 * iPadOS. The one place the site asks; `userAgentData` first, where the browser has it.
 *
 * @returns true on Apple systems
 * @example
 * kbd.textContent = isApplePlatform() ? '⌘ Enter' : 'Ctrl Enter'
 */
export function isApplePlatform(): boolean {
  const platform =
    (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ??
    navigator.platform
  return /mac|iphone|ipad/i.test(platform)
}
