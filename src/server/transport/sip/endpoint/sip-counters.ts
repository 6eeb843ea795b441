/** Transport-level counters (issue 4 item 9); sessions and registrations are the front end's. */
export interface SipCounters {
  connectionsAccepted: number;
  connectionsOpen: number;
  /** Refused at the connection limit. */
  connectionsRejected: number;
  idleTimeouts: number;
  requestsReceived: number;
  responsesReceived: number;
  /** Retransmissions absorbed by a transaction. */
  retransmissions: number;
  responses2xx: number;
  responses3xx: number;
  responses4xx: number;
  responses5xx: number;
  responses6xx: number;
  /** 503s sent by the overload guard. */
  overload503: number;
  framingErrors: number;
  parseErrors: number;
  bytesIn: number;
  bytesOut: number;
}

export function createSipCounters(): SipCounters {
  return {
    connectionsAccepted: 0,
    connectionsOpen: 0,
    connectionsRejected: 0,
    idleTimeouts: 0,
    requestsReceived: 0,
    responsesReceived: 0,
    retransmissions: 0,
    responses2xx: 0,
    responses3xx: 0,
    responses4xx: 0,
    responses5xx: 0,
    responses6xx: 0,
    overload503: 0,
    framingErrors: 0,
    parseErrors: 0,
    bytesIn: 0,
    bytesOut: 0,
  };
}

export function countResponse(counters: SipCounters, status: number): void {
  if (status >= 200 && status < 300) counters.responses2xx++;
  else if (status < 400 && status >= 300) counters.responses3xx++;
  else if (status < 500 && status >= 400) counters.responses4xx++;
  else if (status < 600 && status >= 500) counters.responses5xx++;
  else if (status >= 600) counters.responses6xx++;
}
