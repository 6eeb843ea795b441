import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { StatusSample } from './status-history';

function clock(at: number): string {
  return new Date(at).toLocaleTimeString(undefined, { hour12: false });
}

export function MemoryChart({ samples }: { samples: readonly StatusSample[] }) {
  if (samples.length < 2) {
    return <p className="muted">Collecting samples… the chart appears after the next refresh.</p>;
  }
  return (
    <div className="chart" role="img" aria-label="Server memory use over this session">
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={[...samples]} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e5e7eb" strokeDasharray="3 3" />
          <XAxis dataKey="at" tickFormatter={clock} tick={{ fontSize: 12 }} minTickGap={40} />
          <YAxis unit=" MiB" tick={{ fontSize: 12 }} width={72} />
          <Tooltip labelFormatter={(value) => clock(Number(value))} />
          <Legend />
          <Line
            type="monotone"
            dataKey="rssMiB"
            name="Resident (RSS)"
            stroke="#2563eb"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="heapMiB"
            name="Heap used"
            stroke="#16a34a"
            dot={false}
            isAnimationActive={false}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
