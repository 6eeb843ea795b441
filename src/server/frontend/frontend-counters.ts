/** Front-end counters for `server.status` (issue 4 item 9), next to the transport's own. */
export interface FrontendCounters {
  registersAccepted: number;
  unregisters: number;
  registerChallenges: number;
  registerFailures: number;
  registerRateLimited: number;
  /** Verified Digest responses refused because their nc was not above the nonce's last one. */
  registerReplays: number;
  /** Nonces dropped from the full nonce-count table before they expired (digest-auth.ts). */
  digestNonceEvictions: number;
  provisioningAnswers: number;
  invitesAccepted: number;
  invitesRefused: number;
  dialogsEnded: number;
  dialogsExpired: number;
  dialogsFailed: number;
  infosReceived: number;
  infosSent: number;
  requriAnswered: number;
  responses481: number;
}

export function createFrontendCounters(): FrontendCounters {
  return {
    registersAccepted: 0,
    unregisters: 0,
    registerChallenges: 0,
    registerFailures: 0,
    registerRateLimited: 0,
    registerReplays: 0,
    digestNonceEvictions: 0,
    provisioningAnswers: 0,
    invitesAccepted: 0,
    invitesRefused: 0,
    dialogsEnded: 0,
    dialogsExpired: 0,
    dialogsFailed: 0,
    infosReceived: 0,
    infosSent: 0,
    requriAnswered: 0,
    responses481: 0,
  };
}
