import { roleLabels, isRole } from "@/lib/auth/roles";

const styles = {
  owner: "bg-amber-100 text-amber-900 ring-amber-300",
  editor: "bg-brand-50 text-brand-800 ring-brand-100",
  viewer: "bg-slate-100 text-slate-700 ring-slate-300",
} as const;

/** Roles differ in label as well as colour. */
export function RoleBadge({ role }: { role: string }) {
  const style = isRole(role) ? styles[role] : styles.viewer;
  return (
    <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${style}`}>
      {isRole(role) ? roleLabels[role] : role}
    </span>
  );
}
