/** Which Fluent theme matches the Office theme: dark when Office's body background is dark. */
import type { ThemeName } from "./navigation";

/**
 * The theme for an Office body background colour (`#RRGGBB`); light when unknown.
 *
 * @example
 * themeForBackground("#1F1F1F") // "dark"
 * themeForBackground("#FFFFFF") // "light"
 */
export function themeForBackground(color: string | undefined): ThemeName {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color?.trim() ?? "");
  if (!match) return "light";
  const [r, g, b] = match.slice(1).map((hex) => parseInt(hex, 16) / 255);
  // Relative luminance (sRGB weights, no gamma: enough to tell dark from light).
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5 ? "dark" : "light";
}
