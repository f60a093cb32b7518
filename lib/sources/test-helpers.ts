import type { Citation, Source } from "./types";

/** The sources of the fixture article (prisma/fixtures/putin-private-armies.txt) and two more outlets. */
export const fixtureSources = {
  insider: { id: "insider", name: "Business Insider", kind: "outlet", domains: ["businessinsider.com"] },
  beast: { id: "beast", name: "The Daily Beast", kind: "outlet", domains: ["thedailybeast.com"] },
  bill: { id: "bill", name: "the Duma bill", kind: "document", domains: [] },
  kartapolov: { id: "kartapolov", name: "Andrey Kartapolov", kind: "person", domains: [] },
  barents: { id: "barents", name: "The Barents Observer", kind: "outlet", domains: ["thebarentsobserver.com"] },
  sokov: { id: "sokov", name: "Nikolai Sokov", kind: "person", domains: [] },
  guardian: { id: "guardian", name: "The Guardian", kind: "outlet", domains: ["theguardian.com"] },
  times: { id: "times", name: "The Times", kind: "outlet", domains: ["thetimes.co.uk"] },
  peskov: { id: "peskov", name: "Dmitry Peskov", kind: "person", domains: [] },
} satisfies Record<string, Source>;

export const allFixtureSources: Source[] = Object.values(fixtureSources);

type CitationOptions = Partial<Omit<Citation, "id" | "sourceId">>;

/** A citation of `sourceId` on claim "c1", stating the claim, not marked as the origin. */
export function cite(id: string, sourceId: string, options: CitationOptions = {}): Citation {
  return { id, claimId: "c1", sourceId, relation: "states", viaCitationId: null, isOrigin: false, ...options };
}
