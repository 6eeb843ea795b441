import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { ComplianceConfigUpdateInput } from '../admin-api/contract-compliance.js';
import { addComplianceCommands, complianceConfigInput, describeComplianceStatus } from './compliance-command.js';

describe('parlance compliance', () => {
  it('maps config flags to a compliance.updateConfig input the contract accepts', () => {
    const input = complianceConfigInput({
      enabled: 'true',
      adapter: 'csv',
      outputDir: '/srv/archive',
      interval: '30',
      oneRoomPerFile: true,
      userDetails: 'no',
      retentionHours: '48',
    });
    expect(input).toEqual({
      enabled: true,
      adapter: 'csv',
      outputDir: '/srv/archive',
      runIntervalMinutes: 30,
      oneChatRoomPerOutputFile: true,
      addUserDetails: false,
      retentionHours: 48,
    });
    expect(ComplianceConfigUpdateInput.safeParse(input).success).toBe(true);
    // a bad value is passed through for the server to refuse, not silently dropped
    expect(complianceConfigInput({ interval: 'soon' })).toEqual({ runIntervalMinutes: 'soon' });
    expect(complianceConfigInput({})).toEqual({});
  });

  it('registers status, run and config with the client options', () => {
    const program = new Command('parlance');
    addComplianceCommands(
      program,
      (cmd) => cmd.option('--url <url>'),
      { out: () => {}, err: () => {} },
      () => {},
    );
    const group = program.commands.find((c) => c.name() === 'compliance')!;
    expect(group.commands.map((c) => c.name())).toEqual(['status', 'run', 'config']);
    const config = group.commands.find((c) => c.name() === 'config')!;
    expect(config.options.map((o) => o.long)).toContain('--interval');
    expect(config.options.map((o) => o.long)).toContain('--url');
  });

  it('describes the status in a few lines', () => {
    const text = describeComplianceStatus({
      enabled: true,
      adapter: 'xml',
      outputDir: '/data/compliance',
      runIntervalMinutes: 15,
      queueDepth: 3,
      pendingBatches: 1,
      running: null,
      lastRun: null,
      lastSuccessAt: null,
      lastError: { at: '2026-01-01T00:00:00.000Z', code: 'ERR_COMPLIANCE_ADAPTER_FAILED', message: 'disk full' },
      consecutiveFailures: 1,
      nextRunAt: '2026-01-01T00:00:30.000Z',
      history: [],
    });
    expect(text).toContain('Compliance: enabled, adapter xml, every 15 min');
    expect(text).toContain('3 undelivered events, 1 batch(es) awaiting retry');
    expect(text).toContain('ERR_COMPLIANCE_ADAPTER_FAILED: disk full');
  });
});
