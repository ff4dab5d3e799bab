// A small key to the pod glyphs, drawn with the same style table as the view.
import { useTranslation } from 'react-i18next';
import type { PodVisual } from '../../view/cluster/layout.ts';
import { iconPath, podStyle } from '../../view/cluster/pod-glyph.ts';
import { revisionColor, textOnRevisionColor } from '../../view/cluster/palette.ts';
import { rcBadge } from '../../view/cluster/rc-card.ts';
import { useAppState } from '../runtime-context.ts';

const ITEMS: [PodVisual, string][] = [
  ['pending', 'cluster.legendPending'],
  ['creating', 'cluster.legendCreating'],
  ['running', 'cluster.legendRunning'],
  ['ready', 'cluster.legendReady'],
  ['terminating', 'cluster.legendTerminating'],
  ['pullError', 'cluster.legendPullError'],
  ['crash', 'cluster.legendCrash'],
  ['done', 'cluster.legendDone'],
  ['unknown', 'cluster.legendUnknown'],
];

function Glyph({ visual }: { visual: PodVisual }) {
  const s = 18;
  const st = podStyle(visual);
  const color = revisionColor(0);
  const icon = iconPath(st.icon);
  return (
    <svg
      width={s + 4}
      height={s + 4}
      viewBox={`-2 -2 ${s + 4} ${s + 4}`}
      aria-hidden="true"
      focusable="false"
    >
      <g
        opacity={st.opacity}
        transform={`translate(${(s * (1 - st.scale)) / 2},${(s * (1 - st.scale)) / 2}) scale(${st.scale})`}
      >
        <rect width={s} height={s} rx={3} fill={color} fillOpacity={0.16} />
        <rect y={s * (1 - st.level)} width={s} height={s * st.level} rx={3} fill={color} />
        {st.hatched && <rect width={s} height={s} rx={3} fill="url(#legend-hatch)" />}
        <rect
          width={s}
          height={s}
          rx={3}
          fill="none"
          stroke={st.stroke}
          strokeWidth={st.strokeWidth}
          strokeDasharray={st.dash}
        />
        {icon && (
          <path
            d={icon}
            transform={`translate(${s * 0.2},${s * 0.2}) scale(${(s * 0.6) / 10})`}
            fill="none"
            stroke={st.icon === 'check' ? textOnRevisionColor(0) : st.tone}
            strokeWidth={st.icon === 'bang' || st.icon === 'cross' ? 2.4 : 1.6}
            strokeLinecap="round"
          />
        )}
      </g>
    </svg>
  );
}

/** Two ready Pods badged `rc1` and `rc2` in their colours: what the badges on RC-owned Pods mean. */
function RcBadges() {
  const s = 18;
  return (
    <svg
      width={2 * s + 8}
      height={s + 4}
      viewBox={`-2 -2 ${2 * s + 8} ${s + 4}`}
      aria-hidden="true"
      focusable="false"
    >
      {[0, 1].map((i) => (
        <g key={i} transform={`translate(${i * (s + 4)},0)`}>
          <rect width={s} height={s} rx={3} fill={revisionColor(i)} stroke="#1f2328" strokeWidth={1.5} />
          <text
            x={s / 2}
            y={s * 0.68}
            fontSize={s * 0.46}
            fontWeight={700}
            textAnchor="middle"
            fill={textOnRevisionColor(i)}
          >
            {rcBadge(i + 1)}
          </text>
        </g>
      ))}
    </svg>
  );
}

/** A ready StatefulSet Pod: its ordinal large, its revision small, a Bound disk and a Pending (dashed) one. */
function StsPod() {
  const s = 22;
  const disk = (x: number, bound: boolean) => (
    <path
      d={`M${x},3 a4,1.5 0 1,0 8,0 a4,1.5 0 1,0 -8,0 v6 a4,1.5 0 0,0 8,0 v-6`}
      fill={bound ? '#57606a' : '#ffffff'}
      stroke="#1f2328"
      strokeWidth={1}
      strokeDasharray={bound ? undefined : '2 1.5'}
      transform={`translate(0,${s - 10})`}
    />
  );
  return (
    <svg
      width={s + 26}
      height={s + 4}
      viewBox={`-2 -2 ${s + 26} ${s + 4}`}
      aria-hidden="true"
      focusable="false"
    >
      <rect width={s} height={s} rx={3} fill={revisionColor(0)} stroke="#1f2328" strokeWidth={1.5} />
      <text x={2} y={7} fontSize={6} fontWeight={700} fill={textOnRevisionColor(0)}>
        r2
      </text>
      <text
        x={s / 2}
        y={s * 0.75}
        fontSize={s * 0.5}
        fontWeight={700}
        textAnchor="middle"
        fill={textOnRevisionColor(0)}
      >
        0
      </text>
      {disk(s - 6, true)}
      {disk(s + 8, false)}
    </svg>
  );
}

export function Legend() {
  const { t } = useTranslation();
  const hasRc = useAppState((s) => (s.frame.replicationControllers ?? []).length > 0);
  const hasSts = useAppState(
    (s) => (s.frame.statefulSets ?? []).length > 0 || (s.frame.claims ?? []).length > 0,
  );
  return (
    <div className="legend" aria-hidden="true">
      <svg width="0" height="0" style={{ position: 'absolute' }}>
        <defs>
          <pattern
            id="legend-hatch"
            patternUnits="userSpaceOnUse"
            width="5"
            height="5"
            patternTransform="rotate(45)"
          >
            <rect width="2" height="5" fill="#fff" opacity="0.85" />
          </pattern>
        </defs>
      </svg>
      <span className="legend-title">{t('cluster.legend')}:</span>
      {ITEMS.map(([v, key]) => (
        <span key={v} className="legend-item">
          <Glyph visual={v} />
          {t(key)}
        </span>
      ))}
      {hasRc && (
        <span className="legend-item" data-testid="legend-rc">
          <RcBadges />
          {t('cluster.legendRc')}
        </span>
      )}
      {hasSts && (
        <span className="legend-item" data-testid="legend-sts">
          <StsPod />
          {t('cluster.legendSts')}
        </span>
      )}
    </div>
  );
}
