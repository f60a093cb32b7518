const tones = {
  error: { box: "border-red-200 bg-red-50 text-red-800", icon: "⚠", label: "Error" },
  success: { box: "border-emerald-200 bg-emerald-50 text-emerald-900", icon: "✓", label: "Done" },
  info: { box: "border-brand-100 bg-brand-50 text-brand-800", icon: "ℹ", label: "Note" },
} as const;

/** A message box; errors are announced at once (role=alert), others politely (role=status). */
export function Notice({ tone = "info", children }: { tone?: keyof typeof tones; children: React.ReactNode }) {
  const { box, icon, label } = tones[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} className={`flex gap-2 rounded-md border px-3 py-2 text-sm ${box}`}>
      <span aria-hidden="true">{icon}</span>
      <span className="sr-only">{label}: </span>
      <div>{children}</div>
    </div>
  );
}
