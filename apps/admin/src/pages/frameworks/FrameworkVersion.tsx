import { formatDate, LEVEL_LABELS, LoadError, Loading, TRUST_TYPE_LABELS } from "@realise/ui";
import { InsetText, SummaryList, Table, WarningCallout } from "nhsuk-react-components";
import { Link } from "react-router";
import { useIsNationalAdmin } from "../../session";
import { StatusTag } from "./FrameworkList";
import { VersionRows } from "./shared/VersionRows";
import { useVersion } from "./useVersion";

const types = (codes: readonly string[]) =>
  codes.length === Object.keys(TRUST_TYPE_LABELS).length
    ? "All trust types"
    : codes.map((c) => TRUST_TYPE_LABELS[c] ?? c).join(", ");

/** One version: tiers, functionalities and thresholds, criteria, benefit types, milestones; edit links on a draft. */
export function FrameworkVersion() {
  const { version, valid, query } = useVersion();
  const isAdmin = useIsNationalAdmin();
  if (!valid) return <LoadError error={{ message: "Version must be a whole number" }} />;
  if (query.isPending) return <Loading what={`framework version ${version}`} />;
  if (query.error) return <LoadError error={query.error} />;
  const v = query.data;
  const fw = v.document;
  const isDraft = v.status === "draft";
  // Edit links only for those who may edit: an analyst reads the draft.
  const canEdit = isDraft && isAdmin;
  const base = `/frameworks/${v.version}`;

  return (
    <>
      <p>
        <Link to="/frameworks">All framework versions</Link>
      </p>
      <h1>
        Framework version {v.version} <StatusTag status={v.status} />
      </h1>
      <SummaryList id="details">
        <VersionRows name={v.name} effectiveFrom={v.effectiveFrom} />
        <SummaryList.Row>
          <SummaryList.Key>Contents</SummaryList.Key>
          <SummaryList.Value>
            {fw.tiers.length} tiers, {fw.functionalities.length} functionalities, {fw.criteria.length}{" "}
            criteria, {fw.benefitTypes.length} benefit types, {fw.milestones.length} milestones
          </SummaryList.Value>
        </SummaryList.Row>
      </SummaryList>
      {canEdit && (
        <p>
          <Link to={`${base}/details`}>Change the name or effective date, or discard this draft</Link>
        </p>
      )}
      {isDraft ? (
        <InsetText>
          <p>
            This is a draft: trusts are still assessed against the published version. When it is ready,{" "}
            <Link to={`${base}/effect`}>see its effect on trusts</Link>,{" "}
            <Link to={`${base}/crosswalk`}>check the crosswalk</Link> and{" "}
            <Link to={`${base}/publish`}>publish it</Link>.
          </p>
        </InsetText>
      ) : (
        <WarningCallout>
          <WarningCallout.Heading>This version is {v.status}</WarningCallout.Heading>
          <p>
            A {v.status} version never changes. To change the framework, create a draft from the framework
            list.
          </p>
        </WarningCallout>
      )}

      <h2 id="tiers">Tiers</h2>
      <Table caption="Tiers">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Tier</Table.Cell>
            <Table.Cell>Name</Table.Cell>
            <Table.Cell>Description</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {fw.tiers.map((t) => (
            <Table.Row key={t.number}>
              <Table.Cell>{t.number}</Table.Cell>
              <Table.Cell>{t.name}</Table.Cell>
              <Table.Cell>{t.description}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>

      <h2 id="functionalities">Functionalities and thresholds</h2>
      <p>Coverage / usage (%) a trust needs for each level.</p>
      <Table caption="Functionalities with their level thresholds" responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Code</Table.Cell>
            <Table.Cell>Functionality</Table.Cell>
            <Table.Cell>Tier</Table.Cell>
            <Table.Cell>Applies to</Table.Cell>
            <Table.Cell>L3</Table.Cell>
            <Table.Cell>L4</Table.Cell>
            <Table.Cell>L5</Table.Cell>
            {canEdit && <Table.Cell>Change</Table.Cell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {fw.functionalities.map((f) => (
            <Table.Row key={f.code}>
              <Table.Cell>{f.code}</Table.Cell>
              <Table.Cell>{f.name}</Table.Cell>
              <Table.Cell>{f.tier}</Table.Cell>
              <Table.Cell>{types(f.appliesTo)}</Table.Cell>
              {(["l3", "l4", "l5"] as const).map((l) => (
                <Table.Cell key={l}>
                  {f.thresholds[l].coveragePct} / {f.thresholds[l].usagePct}
                </Table.Cell>
              ))}
              {canEdit && (
                <Table.Cell>
                  <Link to={`${base}/functionalities/${f.code}`}>
                    Edit
                    <span className="nhsuk-u-visually-hidden">
                      {" "}
                      {f.code} {f.name}
                    </span>
                  </Link>
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>

      {canEdit && (
        <p>
          <Link to={`${base}/functionalities/new`}>Add a functionality</Link>
        </p>
      )}

      <h2 id="criteria">Tier criteria</h2>
      <Table caption="Criteria: mandatory, or k of m from a menu" responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Criterion</Table.Cell>
            <Table.Cell>Tier</Table.Cell>
            <Table.Cell>Kind</Table.Cell>
            <Table.Cell>Functionalities</Table.Cell>
            <Table.Cell>Required level</Table.Cell>
            <Table.Cell>Applies to</Table.Cell>
            {canEdit && <Table.Cell>Change</Table.Cell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {fw.criteria.map((c) => (
            <Table.Row key={c.id}>
              <Table.Cell>{c.id}</Table.Cell>
              <Table.Cell>{c.tier}</Table.Cell>
              <Table.Cell>
                {c.kind === "menu" ? `Menu: ${c.k} of ${c.functionalityCodes.length}` : "Mandatory"}
              </Table.Cell>
              <Table.Cell>{c.functionalityCodes.join(", ")}</Table.Cell>
              <Table.Cell>{LEVEL_LABELS[c.requiredLevel]}</Table.Cell>
              <Table.Cell>{types(c.appliesTo)}</Table.Cell>
              {canEdit && (
                <Table.Cell>
                  <Link to={`${base}/criteria/${encodeURIComponent(c.id)}`}>
                    Edit<span className="nhsuk-u-visually-hidden"> criterion {c.id}</span>
                  </Link>
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>

      {canEdit && (
        <p>
          <Link to={`${base}/criteria/new`}>Add a criterion</Link>
        </p>
      )}

      <h2 id="benefit-types">Benefit types</h2>
      <Table caption="Benefit types" responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Code</Table.Cell>
            <Table.Cell>Name</Table.Cell>
            <Table.Cell>Class</Table.Cell>
            <Table.Cell>Unit</Table.Cell>
            <Table.Cell>Direction</Table.Cell>
            <Table.Cell>Enabled by</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {fw.benefitTypes.map((b) => (
            <Table.Row key={b.code}>
              <Table.Cell>{b.code}</Table.Cell>
              <Table.Cell>
                {b.name}
                {b.isDisbenefit && " (dis-benefit)"}
              </Table.Cell>
              <Table.Cell>{b.benefitClass.replace(/_/g, " ")}</Table.Cell>
              <Table.Cell>{b.unit}</Table.Cell>
              <Table.Cell>{b.direction}</Table.Cell>
              <Table.Cell>{b.enablingFunctionalities.join(", ") || "–"}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>

      <h2 id="milestones">Roadmap milestones</h2>
      <Table caption="Roadmap milestones" responsive>
        <Table.Head>
          <Table.Row>
            <Table.Cell>Milestone</Table.Cell>
            <Table.Cell>Target date</Table.Cell>
            <Table.Cell>Measure</Table.Cell>
            <Table.Cell>Share of trusts</Table.Cell>
            <Table.Cell>Trust types</Table.Cell>
            {canEdit && <Table.Cell>Change</Table.Cell>}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {fw.milestones.map((m) => (
            <Table.Row key={m.id}>
              <Table.Cell>{m.title}</Table.Cell>
              <Table.Cell>{formatDate(m.targetDate)}</Table.Cell>
              <Table.Cell>{m.measure === "epr_live" ? "EPR live" : `Tier ${m.tier} or above`}</Table.Cell>
              <Table.Cell>{Math.round(m.shareOfTrusts * 100)}%</Table.Cell>
              <Table.Cell>{types(m.trustTypes)}</Table.Cell>
              {canEdit && (
                <Table.Cell>
                  <Link to={`${base}/milestones/${encodeURIComponent(m.id)}`}>
                    Edit<span className="nhsuk-u-visually-hidden"> milestone {m.title}</span>
                  </Link>
                </Table.Cell>
              )}
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      {canEdit && (
        <p>
          <Link to={`${base}/milestones/new`}>Add a milestone</Link>
        </p>
      )}
    </>
  );
}
