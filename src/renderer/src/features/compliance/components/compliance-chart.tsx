import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ComplianceStatusT } from '../../../../../server/admin-api/contract-compliance';

function clock(at: number): string {
  return new Date(at).toLocaleString(undefined, {
    hour12: false,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Queue depth after each run and events processed per run, oldest first. */
export function ComplianceChart({ history }: { history: ComplianceStatusT['history'] }) {
  if (history.length === 0) return <p className="muted">No runs yet: the chart appears after the first run.</p>;
  const data = history.map((h) => ({
    at: Date.parse(h.at),
    queueDepth: h.queueDepth,
    eventsProcessed: h.eventsProcessed,
  }));
  return (
    <div className="chart" role="img" aria-label="Queue depth and events processed per run">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" />
          <XAxis
            dataKey="at"
            type="number"
            domain={['dataMin', 'dataMax']}
            scale="time"
            tickFormatter={clock}
            tick={{ fontSize: 12 }}
            minTickGap={40}
          />
          <YAxis allowDecimals={false} tick={{ fontSize: 12 }} width={72} />
          <Tooltip labelFormatter={(value) => clock(Number(value))} />
          <Legend />
          <Line
            type="stepAfter"
            dataKey="queueDepth"
            name="Queue depth"
            stroke="#dc2626"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="eventsProcessed"
            name="Events processed"
            stroke="#2563eb"
            dot
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
