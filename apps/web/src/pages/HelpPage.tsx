import { LEVEL_LABELS, VALIDATION_LABELS } from "@realise/ui";
import { InsetText, Table } from "nhsuk-react-components";
import { Link } from "react-router";

const LEVELS: [number, string][] = [
  [0, "No coverage anywhere and no go-live date planned."],
  [1, "Not live yet, but a go-live date is planned."],
  [2, "Live in some services: coverage above 0%, but below what adopted needs."],
  [3, "Coverage and usage meet the functionality's L3 thresholds."],
  [4, "Coverage and usage meet the L4 thresholds, and the paper process it replaces is retired."],
  [5, "Coverage and usage meet the L5 thresholds, and a benefit linked to it is measured."],
];

const VALIDATION: [string, string][] = [
  ["self_assessed", "The trust recorded the values; no evidence is attached yet."],
  ["evidence_attached", "The trust attached evidence (a link or a document reference) to back the values."],
  ["validated", "The national team checked the record in an accepted return."],
  [
    "returned",
    "The national team sent the return back; the record needs another look before it is resubmitted.",
  ],
];

/** Levels, tiers, mandatory and menu criteria, measures, validation states and system-reported values. */
export function HelpPage() {
  return (
    <>
      <h1>How Realise measures EPR adoption</h1>
      <p className="nhsuk-lede-text">
        Realise records how far your trust uses each function of its electronic patient record (EPR), against
        one national route map of five tiers.
      </p>
      <nav aria-label="On this page">
        <ul className="nhsuk-contents-list__list">
          {[
            ["levels", "Adoption levels (L0 to L5)"],
            ["measures", "Measures: coverage and usage"],
            ["tiers", "Tiers"],
            ["criteria", "Mandatory and menu criteria"],
            ["validation", "Validation states"],
            ["system", "Values reported by systems"],
          ].map(([id, text]) => (
            <li className="nhsuk-contents-list__item" key={id}>
              <a className="nhsuk-contents-list__link" href={`#${id}`}>
                {text}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      <h2 id="levels">Adoption levels (L0 to L5)</h2>
      <p>
        Each functionality has a level for your trust. The level is worked out from your measures, not only
        claimed, so that it means the same in every trust. Each level needs everything the levels below it
        need.
      </p>
      <Table caption="What each level needs">
        <Table.Head>
          <Table.Row>
            <Table.Cell>Level</Table.Cell>
            <Table.Cell>What it needs</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {LEVELS.map(([level, needs]) => (
            <Table.Row key={level}>
              <Table.Cell>{LEVEL_LABELS[level]}</Table.Cell>
              <Table.Cell>{needs}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <p>
        You may claim a different level. A claim below what the measures show counts as it is. A claim above
        them is flagged, and counts only once the national team validates it.
      </p>

      <h2 id="measures">Measures: coverage and usage</h2>
      <ul>
        <li>
          <strong>Coverage</strong> is the share of the services (wards, clinics, teams) where the function is
          live, as a percentage.
        </li>
        <li>
          <strong>Usage</strong> is how much it is used where it is live: a numerator over a denominator, for
          example medication administrations recorded electronically over all administrations. Usage not
          reported counts as 0%.
        </li>
        <li>
          <strong>Paper retired</strong> says the paper process the function replaces has stopped.
        </li>
        <li>
          <strong>Benefit measured</strong> says a line of your benefits register that this function enables
          has a measured actual.
        </li>
      </ul>
      <p>
        Each functionality has its own coverage and usage thresholds for L3, L4 and L5, shown on its form.
      </p>

      <h2 id="tiers">Tiers</h2>
      <p>
        The route map has five tiers, from digitised foundations to optimised and AI-enabled care. Tiers are
        cumulative: to attain tier 3, your trust must attain tiers 1 and 2 and meet every criterion of tier 3.
        Functionalities that do not apply to your type of trust (for example inpatient prescribing for an
        ambulance trust) never count for or against you.
      </p>

      <h2 id="criteria">Mandatory and menu criteria</h2>
      <ul>
        <li>
          A <strong>mandatory</strong> criterion needs one functionality at a level, usually L3 Adopted in its
          own tier.
        </li>
        <li>
          A <strong>menu</strong> criterion offers several functionalities and needs any k of them (for
          example any 2 of 4) at a level. You choose which.
        </li>
        <li>
          Some criteria are <strong>carried</strong> from lower tiers: a tier can need functionalities of a
          lower tier at a higher level. In the default route map, tier 1's mandatory functionalities must be
          embedded (L4) by tier 3, tier 2's by tier 4 and tier 3's by tier 5.
        </li>
      </ul>
      <p>
        Your dashboard lists every criterion of every tier, says which are met, and for each one not met says
        what is missing (for example "coverage 62% → 90%").
      </p>

      <h2 id="validation">Validation states</h2>
      <Table caption="What each validation state means">
        <Table.Head>
          <Table.Row>
            <Table.Cell>State</Table.Cell>
            <Table.Cell>Meaning</Table.Cell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {VALIDATION.map(([code, meaning]) => (
            <Table.Row key={code}>
              <Table.Cell>{VALIDATION_LABELS[code]}</Table.Cell>
              <Table.Cell>{meaning}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
      <p>
        Official figures come only from accepted quarterly returns, frozen by the national team after the
        quarter ends. Your live records are for your trust's staff and the national team.
      </p>

      <h2 id="system">Values reported by systems</h2>
      <p>
        Your EPR or data warehouse can send coverage and usage directly, as a FHIR MeasureReport, through a
        system client the national team registers for your trust. Such values appear in your records and
        history with the system's name as the person who changed them. They are checked like any other value,
        and you can still correct them on the functionality's form.
      </p>
      <InsetText>
        <p>
          Something not right? Ask your trust's Realise approver, or <Link to="/">find your trust</Link> to
          see its records.
        </p>
      </InsetText>
    </>
  );
}
