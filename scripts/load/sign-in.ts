import { LOAD_PASSWORD, type LoadTeam } from "./seed";
import { Session } from "./session";

/** Signs every editor in, a few at a time (argon2 verification is deliberately slow). */
export async function signInEditors(baseUrl: string, team: LoadTeam, parallel = 4): Promise<Session[]> {
  const sessions: Session[] = new Array(team.editors.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < team.editors.length) {
        const index = next++;
        const session = new Session(baseUrl);
        await session.signIn(team.editors[index].email, LOAD_PASSWORD);
        sessions[index] = session;
      }
    }),
  );
  return sessions;
}
