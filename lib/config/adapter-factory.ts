type Connection<Factory extends { connect: () => Promise<unknown> }> = Awaited<ReturnType<Factory["connect"]>>;

/**
 * A copy of a Prisma driver-adapter factory (PrismaBetterSQLite3, PrismaPg) whose `connect()` is
 * `connect(open)`, where `open` is the original's. The copy keeps the original's prototype and
 * fields (provider, adapterName, options), so Prisma takes it for the same kind of adapter; the
 * wrappers in lib/config each add one behaviour to the connection this way, and they stack.
 */
export function wrapConnect<Factory extends { connect: () => Promise<unknown> }>(
  factory: Factory,
  connect: (open: () => Promise<Connection<Factory>>) => Promise<Connection<Factory>>,
): Factory {
  const open = factory.connect.bind(factory) as () => Promise<Connection<Factory>>;
  return Object.assign(Object.create(Object.getPrototypeOf(factory)) as Factory, factory, { connect: () => connect(open) });
}
