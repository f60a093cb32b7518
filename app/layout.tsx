import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "FactDesk", template: "%s · FactDesk" },
  description: "Fact-check articles as a team: claims, sources, origins and verdicts.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        {/* A page's own skip links (components/workspace/skip-to-text.tsx) come second. */}
        <div id="page-skip-links" />
        {children}
      </body>
    </html>
  );
}
