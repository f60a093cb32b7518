/** Why a line looks like page debris rather than article text. */
export type DebrisReason =
  | "error-message"
  | "syndication"
  | "advertisement"
  | "newsletter"
  | "social-buttons"
  | "click-here"
  | "cookie-notice"
  | "recommended"
  | "lone-bullet"
  | "photo-credit"
  | "continues-below"
  | "page-chrome"
  | "repeated-line";

/** Short explanations for the editor, one per reason. */
export const DEBRIS_REASON_LABELS: Record<DebrisReason, string> = {
  "error-message": "Page error message",
  syndication: "Syndication note",
  advertisement: "Advertisement marker",
  newsletter: "Newsletter or subscription prompt",
  "social-buttons": "Share or social buttons",
  "click-here": "Call to action",
  "cookie-notice": "Cookie notice",
  recommended: "Recommended or related links",
  "lone-bullet": "Lone bullet or separator",
  "photo-credit": "Image caption or photo credit",
  "continues-below": "\"Continues below\" marker",
  "page-chrome": "Site navigation or tools",
  "repeated-line": "Repeats an earlier line",
};

type Rule = { reason: DebrisReason; pattern: RegExp; maxLength: number };

// Every pattern matches a whole line, and most are capped in length, so a
// real sentence that merely mentions cookies or newsletters is never caught.
const SOCIAL = "share|tweet|post|email|e-mail|print|copy link|copy url|save|pin it|whatsapp|facebook|twitter|x|linkedin|reddit|flipboard|telegram|bluesky|threads|mastodon|pinterest|messenger";
const AGENCY = "AP|AFP|Reuters|EPA|EPA-EFE|Getty Images|Sputnik|TASS|Xinhua|Anadolu|Shutterstock|Alamy|Bloomberg|Pool";

const RULES: Rule[] = [
  { reason: "error-message", maxLength: 40, pattern: /^oops[!.]*$/i },
  { reason: "error-message", maxLength: 120, pattern: /^(oops[!.,]*\s*)?something went wrong[.!]*(\s*please try again( later)?[.!]*)?$/i },
  { reason: "error-message", maxLength: 60, pattern: /^please try again( later)?[.!]*$/i },
  { reason: "error-message", maxLength: 120, pattern: /^(an )?(unexpected )?error (has )?occurred[.!]*(\s*please try again( later)?[.!]*)?$/i },
  { reason: "error-message", maxLength: 40, pattern: /^(try again|retry|reload|refresh( the page)?|loading(\.{3}|…)?)[.!]*$/i },
  { reason: "error-message", maxLength: 120, pattern: /^(this )?(video|content|media|embed|image)( is)? (not available|unavailable)\b.*$/i },
  { reason: "error-message", maxLength: 160, pattern: /^(your browser does(n't| not) support|(please )?enable javascript|javascript (is )?(disabled|required))\b.*$/i },
  { reason: "syndication", maxLength: 160, pattern: /^read the (original|full) (article|story)\b.*$/i },
  { reason: "syndication", maxLength: 200, pattern: /^(this (article|story|post) (was )?(originally |first )?(appeared|published)|originally published)\b.*$/i },
  { reason: "syndication", maxLength: 200, pattern: /^a version of this (article|story) appear(s|ed) in print\b.*$/i },
  { reason: "advertisement", maxLength: 80, pattern: /^(advertisement|advertising|ads?|sponsored( content)?|paid (post|content)|promoted( content)?|partner content)([\s:–—-]+(scroll|continue|story continues)\b.*)?$/i },
  { reason: "advertisement", maxLength: 40, pattern: /^(ad feedback|report (this )?ad|adchoices)$/i },
  { reason: "newsletter", maxLength: 200, pattern: /^(subscribe|sign up|sign-up|signup|join our|register for (our|free))\b.{0,120}\b(newsletters?|inbox|email|e-mail|briefing|digest|updates|alerts|free)\b.*$/i },
  { reason: "newsletter", maxLength: 40, pattern: /^(subscribe|subscribe now|subscribe today|sign up|sign up now|newsletter)[.!]*$/i },
  { reason: "newsletter", maxLength: 160, pattern: /^(get|receive) (our|the) .{0,60}\b(newsletter|briefing|digest)\b.*$/i },
  { reason: "newsletter", maxLength: 250, pattern: /^(already a subscriber|thanks? (you )?for (signing up|subscribing)|enter your e-?mail|by (signing up|subscribing)\b|you('ve| have) been subscribed).*$/i },
  { reason: "social-buttons", maxLength: 120, pattern: new RegExp(`^share( this)?( article| story| post| page)?( (on|via) \\w+)?[:.!]*$`, "i") },
  // Buttons copied together run into each other ("ShareSave").
  { reason: "social-buttons", maxLength: 160, pattern: new RegExp(`^(${SOCIAL})([\\s|·•,/]*(${SOCIAL}))*$`, "i") },
  { reason: "social-buttons", maxLength: 160, pattern: /^follow (us|@?\w+) on (facebook|twitter|x|instagram|linkedin|tiktok|threads|bluesky|youtube|telegram)\b.*$/i },
  { reason: "click-here", maxLength: 200, pattern: /^(click|tap) (here|to (read|see|watch|view|load|expand|subscribe|continue))\b.*$/i },
  { reason: "click-here", maxLength: 80, pattern: /^(read|see|view|watch|listen to) the (full|complete) (transcript|interview|report|statement|video)[.!:]*$/i },
  { reason: "cookie-notice", maxLength: 400, pattern: /^(we|this (web)?site|our (web)?site|this page) uses? cookies\b.*$/i },
  { reason: "cookie-notice", maxLength: 400, pattern: /^by (continuing|using|browsing)( to (use|browse))? (this|our) (site|website)\b.*$/i },
  { reason: "cookie-notice", maxLength: 40, pattern: /^((accept|reject|allow|manage)( all)? cookies|cookie (settings|preferences|policy|consent)|manage (preferences|consent)|privacy (settings|preferences))[.!]*$/i },
  { reason: "recommended", maxLength: 60, pattern: /^(recommended( for you| stories| articles)?|read more|read next|read this next|more from .{1,40}|most (popular|read|viewed)|trending( now)?|related( articles| stories| coverage| content| reading| topics)?|more on this (story|topic)|also read|see also|you (may|might) (also )?like|don'?t miss|editor'?s picks?|top stories|latest( news| stories)?|more (stories|news|coverage))[:.!]*$/i },
  { reason: "recommended", maxLength: 200, pattern: /^(read more|related|also read|see also|read next|recommended|watch|listen|must read|don'?t miss|more|read)\s*[:|]\s*\S.*$/i },
  { reason: "photo-credit", maxLength: 300, pattern: /^(image|photo|picture|photograph|pictured|credit|image source|image caption|photo credit|caption)\s*[:,].*$/i },
  { reason: "photo-credit", maxLength: 250, pattern: /(^|[\s/(])(via )?getty images\)?$/i },
  { reason: "photo-credit", maxLength: 250, pattern: new RegExp(`\\(?\\b(${AGENCY})( Photo| Images)?\\s*/\\s*[\\p{L}.'’ -]{2,60}\\)?$`, "iu") },
  { reason: "photo-credit", maxLength: 120, pattern: new RegExp(`^\\(?[\\p{L}.'’ -]{2,60}\\s*/\\s*(${AGENCY})( via [\\p{L} ]{2,40})?\\)?$`, "iu") },
  { reason: "continues-below", maxLength: 80, pattern: /^((the )?(story|article|content) continues below( (this )?(advertisement|ad))?|continue reading( below| the (main )?story| the article)?|scroll (down )?to continue( reading)?)[.!…]*$/i },
  { reason: "page-chrome", maxLength: 60, pattern: /^(skip to (main )?content|skip navigation|menu|sign in|log in|login|log out|search|close|open menu|back to top|top of (page|form)|bottom of form|listen to (this|the) (article|story)( \d+ min(utes)?)?|\d+ min(ute)?s? read|print this (page|article))[.!]*$/i },
];

// A line made only of bullets, dashes or separators carries no words.
const LONE_GLYPHS = /^[\s•·●▪◦‣∙○■□➢➤►▶*_=~|#.…–—-]*$/;

/** Classify one line's content (bullet glyph already removed); null means article text. */
export function classifyLine(content: string): DebrisReason | null {
  const trimmed = content.trim();
  if (LONE_GLYPHS.test(trimmed)) return "lone-bullet";
  for (const rule of RULES) {
    if (trimmed.length <= rule.maxLength && rule.pattern.test(trimmed)) return rule.reason;
  }
  return null;
}
