// botbuilder's CloudAdapter builds a new ConnectorClient and UserTokenClient, each with its own
// HTTP pipeline, on every incoming activity: about 0.1 ms of CPU per turn for objects that hold
// nothing per turn (their credentials fetch and cache tokens themselves). Here the adapter's
// authentication hands out clients kept per bot identity, service URL and audience instead.
// Authentication itself (validating each request's token) is untouched.

interface Claim {
  type: string;
  value: string;
}
interface ClaimsLike {
  claims: Claim[];
}
interface ConnectorFactoryLike {
  create(serviceUrl: string, audience?: string): Promise<unknown>;
}
interface AuthenticationLike {
  authenticateRequest(activity: unknown, authHeader: string): Promise<{ claimsIdentity: ClaimsLike; connectorFactory: ConnectorFactoryLike }>;
  createConnectorFactory(claimsIdentity: ClaimsLike): ConnectorFactoryLike;
  createUserTokenClient(claimsIdentity: ClaimsLike): Promise<unknown>;
}

/** Service URLs come from activities (unauthenticated ones in local mode): the cache must stay small. */
const MAX_ENTRIES = 64;

/** Who the clients act for: the claims the SDK derives the bot's app id and token audience from. */
function identityKey(identity: ClaimsLike | undefined): string {
  const claim = (type: string) => identity?.claims?.find((c) => c.type === type)?.value ?? "";
  return [claim("appid"), claim("azp"), claim("aud"), claim("ver")].join("|");
}

function boundedSet<T>(map: Map<string, T>, key: string, value: T): T {
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, value);
  return value;
}

/**
 * Makes `adapter`'s authentication reuse connector and user-token clients; returns the adapter.
 * `prepare` is applied once to each connector client it creates (connector-writes.ts).
 */
export function cacheConnectorClients<A extends object>(adapter: A, prepare: (client: unknown) => unknown = (client) => client): A {
  const auth = (adapter as unknown as { botFrameworkAuthentication?: AuthenticationLike }).botFrameworkAuthentication;
  // Another SDK version without this shape: leave it as it is, it still works (only slower).
  if (!auth || typeof auth.authenticateRequest !== "function" || typeof auth.createConnectorFactory !== "function") return adapter;
  const connectors = new Map<string, Promise<unknown>>();
  const userTokenClients = new Map<string, Promise<unknown>>();

  const cachingFactory = (factory: ConnectorFactoryLike, identity: ClaimsLike): ConnectorFactoryLike => {
    const who = identityKey(identity);
    return {
      create(serviceUrl: string, audience?: string) {
        const key = `${who}\n${serviceUrl}\n${audience ?? ""}`;
        const known = connectors.get(key);
        if (known) return known;
        const created = factory.create(serviceUrl, audience).then(prepare);
        // A failed creation is not kept: the next turn tries again.
        created.catch(() => connectors.get(key) === created && connectors.delete(key));
        return boundedSet(connectors, key, created);
      },
    };
  };

  const authenticateRequest = auth.authenticateRequest.bind(auth);
  auth.authenticateRequest = async (activity, authHeader) => {
    const result = await authenticateRequest(activity, authHeader);
    return { ...result, connectorFactory: cachingFactory(result.connectorFactory, result.claimsIdentity) };
  };
  const createConnectorFactory = auth.createConnectorFactory.bind(auth);
  auth.createConnectorFactory = (identity) => cachingFactory(createConnectorFactory(identity), identity);
  const createUserTokenClient = auth.createUserTokenClient.bind(auth);
  auth.createUserTokenClient = (identity) => {
    const key = identityKey(identity);
    const known = userTokenClients.get(key);
    if (known) return known;
    const created = createUserTokenClient(identity);
    created.catch(() => userTokenClients.get(key) === created && userTokenClients.delete(key));
    return boundedSet(userTokenClients, key, created);
  };
  return adapter;
}
