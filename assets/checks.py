"""Asset checks: each runs one query of pipeline/sql/checks and fails (or warns) on any row it returns."""

from dataclasses import dataclass

from dagster import AssetCheckResult, AssetChecksDefinition, AssetCheckSeverity, asset_check

from assets.metadata import markdown
from assets.resources import WarehouseResource
from pipeline.metadata import DOC_TYPES
from pipeline.warehouse import find_problems

LISTED_ROWS = 50


@dataclass(frozen=True)
class QualityCheck:
    query: str
    asset: str
    description: str
    severity: AssetCheckSeverity = AssetCheckSeverity.ERROR
    parameter: str | None = None  # bound as $1, and appended to the check's name

    @property
    def name(self) -> str:
        return f"{self.query.removesuffix('_of_type')}_{self.parameter}" if self.parameter else self.query


QUALITY_CHECKS = (
    QualityCheck("documents_without_year_or_type", "documents",
                 "Every document has the year it covers and a known type."),
    QualityCheck("implausible_values", "indicators",
                 "No negative counts, money or durations; ratios within 0-1000 %; no fall beyond 100 %."),
    QualityCheck("duplicated_mentions", "indicators", "No span of a document is extracted twice."),
    *(QualityCheck("incomplete_documents_of_type", "indicators",
                   f"Every {doc_type} document has a year and yields at least one indicator.",
                   AssetCheckSeverity.WARN, doc_type) for doc_type in DOC_TYPES),
    QualityCheck("listed_rejected_files", "rejected_files",
                 "No file was rejected (a warning: the files and reasons are listed).", AssetCheckSeverity.WARN),
    QualityCheck("yoy_disagrees_with_panel", "yoy_comparison",
                 "Every comparison row's values are the panel's values of those years."),
    QualityCheck("stated_changes_disagree", "yoy_comparison",
                 "Changes that reports state agree (within 0.5 points) with the change computed from two reports.",
                 AssetCheckSeverity.WARN),
    QualityCheck("conflicting_reports", "indicator_panel",
                 "Reports covering the same region and year give the same value (the values are listed).",
                 AssetCheckSeverity.WARN),
)


def _build_check(spec: QualityCheck) -> AssetChecksDefinition:
    @asset_check(name=spec.name, asset=spec.asset, description=spec.description, blocking=False)
    def _check(warehouse: WarehouseResource) -> AssetCheckResult:
        with warehouse.store().connect() as con:
            problems = find_problems(con, spec.query, spec.parameter)
        return AssetCheckResult(
            passed=problems.empty,
            severity=spec.severity,
            metadata={"failing_rows": len(problems), "rows": markdown(problems.head(LISTED_ROWS))},
        )

    return _check


quality_checks = [_build_check(spec) for spec in QUALITY_CHECKS]
