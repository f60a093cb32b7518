// What the measured walk (scripts/walk/walk.ts) does on each page: the editorial choices a fact-
// checker makes (which five claims, whose report each relays, what the origin is, the verdict),
// written down so that the count of clicks is reproducible. The pages are news articles from
// Mozilla Readability's test corpus (github.com/mozilla/readability, test/test-pages, Apache-2.0),
// read from where WALK_PAGES (default /work/pages) holds them: they are not part of the repo.
import path from "node:path";

type Citation = { source: string; kind?: string; url?: string; passage?: string; origin?: boolean };
export type WalkClaim = { quote: string; statement?: string; chain: Citation[]; verdict: string; rationale: string };
export type WalkPlan = {
  editor: { email: string; password: string };
  reviewer: { email: string; password: string };
  /**
   * Upload the saved page, or paste what a reader copies from it: the page is opened in the
   * browser (scripts off) and the text of `selectors` (the headline, the byline, the body) taken;
   * a selector starting with "=" is a line of text as it stands.
   */
  import: { kind: "upload"; file: string; fix?: Record<string, string> } | { kind: "paste"; file: string; selectors: string[]; fix?: Record<string, string> };
  claims: WalkClaim[];
};

const pages = process.env.WALK_PAGES ?? "/work/pages";
const demo = { editor: { email: "editor@demo.factdesk.test", password: "factdesk-demo" }, reviewer: { email: "owner@demo.factdesk.test", password: "factdesk-demo" } };

export const WALK_PLANS: Record<string, WalkPlan> = {
  // The Telegraph relays Reuters, which relays unnamed sources and South Africa's presidency:
  // uploaded as the saved page.
  telegraph: {
    ...demo,
    import: { kind: "upload", file: path.join(pages, "telegraph", "source.html") },
    claims: [
      {
        quote: "Zimbabwe President Robert Mugabe, his wife Grace and two key figures from her G40 political faction are under house arrest at Mugabe's \"Blue House\" compound in Harare",
        statement: "Robert Mugabe, his wife Grace and two G40 figures were under house arrest at the Blue House compound in Harare.",
        chain: [
          { source: "Reuters", kind: "Outlet", url: "https://www.reuters.com/article/us-zimbabwe-politics/mugabe-insists-he-remains-zimbabwes-only-legitimate-ruler" },
          { source: "Unnamed source in contact with the compound", kind: "Person" },
        ],
        verdict: "Unsubstantiated",
        rationale: "One unnamed source, relayed by Reuters; nobody on the record confirms who is in the compound.",
      },
      {
        quote: "The G40 figures are cabinet ministers Jonathan Moyo and Saviour Kasukuwere",
        statement: "The G40 figures in the compound are cabinet ministers Jonathan Moyo and Saviour Kasukuwere.",
        chain: [
          { source: "Reuters", url: "https://www.reuters.com/article/us-zimbabwe-politics/mugabe-insists-he-remains-zimbabwes-only-legitimate-ruler" },
          { source: "Unnamed source in contact with the compound" },
        ],
        verdict: "Unsubstantiated",
        rationale: "The same single unnamed source as claim 1: one origin, relayed twice.",
      },
      {
        quote: "Mr Mugabe, who has led Zimbabwe since independence in 1980",
        statement: "Robert Mugabe has led Zimbabwe since independence in 1980.",
        chain: [{ source: "Constitution of Zimbabwe Amendment (No. 7) Act 1987", kind: "Document", origin: true }],
        verdict: "Accurate",
        rationale: "Prime minister from independence in April 1980, executive president from 1987: continuously in power since 1980.",
      },
      {
        quote: "South Africa said Mr Mugabe had told President Jacob Zuma by telephone on Wednesday that he was confined to his home but was otherwise fine",
        statement: "South Africa's presidency said Mugabe told Jacob Zuma by phone he was confined to his home but fine.",
        chain: [
          { source: "Reuters", url: "https://www.reuters.com/article/us-zimbabwe-politics/mugabe-insists-he-remains-zimbabwes-only-legitimate-ruler" },
          { source: "The Presidency of South Africa", kind: "Organisation", url: "http://www.thepresidency.gov.za/press-statements/president-zuma-sends-special-envoys-zimbabwe-and-angola", origin: true },
        ],
        verdict: "Accurate",
        rationale: "The presidency's statement of 15 November says so; the claim is that South Africa said it, which holds.",
      },
      {
        quote: "there is little public affection for 52-year-old Grace, a former government typist",
        statement: "Grace Mugabe is 52 and a former government typist.",
        chain: [{ source: "Zimbabwe Registrar General birth record", kind: "Document", origin: true }],
        verdict: "Accurate",
        rationale: "Born 23 July 1965, so 52 in November 2017; she was a typist in the president's office.",
      },
    ],
  },
  // The New York Times on federal interest costs, pasted as text (the page's words as a reader
  // copies them): its figures rest on the Congressional Budget Office.
  "nytimes-4": {
    ...demo,
    import: {
      kind: "paste",
      file: path.join(pages, "nytimes-4", "source.html"),
      // The saved page renders its byline with scripts only, so the reader's copy gives it as a line of its own.
      selectors: ["h1[itemprop=headline]", "=By Nelson D. Schwartz", "time", "section[name=articleBody]"],
      fix: { Outlet: "The New York Times" },
    },
    claims: [
      {
        quote: "Within a decade, more than $900 billion in interest payments will be due annually",
        statement: "Within a decade, US federal interest payments will exceed $900 billion a year.",
        chain: [{ source: "CBO Budget and Economic Outlook 2018 to 2028", kind: "Document", url: "https://www.cbo.gov/publication/53651", passage: "net interest outlays would reach $915 billion in 2028", origin: true }],
        verdict: "Accurate",
        rationale: "CBO's April 2018 baseline puts net interest at $915 billion in 2028.",
      },
      {
        quote: "the cost of interest is on track to hit $390 billion next year, nearly 50 percent more than in 2017",
        statement: "US federal interest costs will reach $390 billion in 2019, nearly 50% more than in 2017.",
        chain: [{ source: "CBO Budget and Economic Outlook 2018 to 2028", passage: "net interest outlays of $390 billion in 2019", origin: true }],
        verdict: "Accurate",
        rationale: "CBO projects $390 billion for 2019 against $263 billion in 2017: 48% more.",
      },
      {
        quote: "The deficit is expected to total nearly $1 trillion next year",
        statement: "The US federal deficit is expected to total nearly $1 trillion in 2019.",
        chain: [{ source: "CBO Budget and Economic Outlook 2018 to 2028", passage: "the deficit would be $981 billion in 2019", origin: true }],
        verdict: "Accurate",
        rationale: "CBO projects $981 billion for fiscal 2019.",
      },
      {
        quote: "the economy expanded at an annualized rate of 4.2 percent in the second quarter",
        statement: "The US economy grew at an annualised 4.2% in the second quarter of 2018.",
        chain: [{ source: "Bureau of Economic Analysis", kind: "Organisation", url: "https://www.bea.gov/news/2018/gross-domestic-product-2nd-quarter-2018-second-estimate", passage: "increased at an annual rate of 4.2 percent in the second quarter of 2018", origin: true }],
        verdict: "Accurate",
        rationale: "BEA's second estimate of 29 August 2018 gives 4.2 percent.",
      },
      {
        quote: "Interest payments will overtake Medicaid in 2020 and the Department of Defense budget in 2023",
        statement: "US interest payments will overtake Medicaid in 2020 and defence spending in 2023.",
        chain: [
          { source: "Committee for a Responsible Federal Budget", kind: "Organisation", url: "https://www.crfb.org/blogs/interest-costs-surpass-defense-2023" },
          { source: "CBO Budget and Economic Outlook 2018 to 2028", origin: true },
        ],
        verdict: "Misleading",
        rationale: "A projection on CBO's baseline, stated as certain; CRFB's own reading says 'could'.",
      },
    ],
  },
};
