/**
 * The stand-in Channel service until the real one lands (issue 4 item 6): every XCCOS command is
 * answered with its `rpl` carrying the coded "not implemented" result (XCCOS.md §6.14: `501`,
 * `ERR_NOT_SUPPORTED`), and posts are refused on the INFO itself with the same status.
 */
import { ERROR_CATALOGUE } from '../errors/error-codes.js';
import type { Logger } from '../log/logger.js';
import type { ChannelContext, ChannelDelegate } from './channel-delegate.js';
import { xccosReply } from './xccos-envelope.js';

/** The XCCOS §3.6 wire text for 501. */
export const NOT_SUPPORTED_TEXT = 'ERR_NOT_SUPPORTED';

export function createNotImplementedChannel(context: ChannelContext, logger: Logger): ChannelDelegate {
  const spec = ERROR_CATALOGUE.ERR_SIP_NOT_IMPLEMENTED;
  return {
    onCommand(session, command) {
      logger.info('XCCOS command not implemented', {
        command: command.name,
        user: session.userUri,
        body: command.body,
      });
      // cmd:getfutok / cmd:getfdtok are answered by rpl:getftok (XCCOS.md §2.10).
      const name = command.name === 'getfutok' || command.name === 'getfdtok' ? 'getftok' : command.name;
      void session.sendXccos(
        xccosReply(context.nextEnvid(), {
          name,
          seqid: command.seqid,
          commandEnvid: command.envid,
          code: spec.xccosCode,
          text: NOT_SUPPORTED_TEXT,
        }),
      );
    },
    onPost(session) {
      logger.info('room post refused: channel service not implemented', { user: session.userUri });
      return spec.sipStatus;
    },
  };
}
