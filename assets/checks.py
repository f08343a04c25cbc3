"""Asset checks: each runs one query of pipeline/sql/checks and fails (or warns) on any row it returns."""

from dataclasses import dataclass

from dagster import AssetCheckResult, AssetCheckSeverity, AssetChecksDefinition, asset_check

from assets.metadata import markdown
from assets.resources import WarehouseResource
from pipeline.warehouse import find_problems

LISTED_ROWS = 50


@dataclass(frozen=True)
class QualityCheck:
    query: str
    asset: str
    description: str
    severity: AssetCheckSeverity = AssetCheckSeverity.ERROR


QUALITY_CHECKS = (
    QualityCheck("documents_without_year_or_type", "documents",
                 "Every document has the year it covers and a known type."),
    QualityCheck("implausible_values", "indicators",
                 "No negative counts, money or durations; ratios within 0-1000 %; no fall beyond 100 %."),
    QualityCheck("duplicated_mentions", "indicators", "No span of a document is extracted twice."),
    QualityCheck("documents_without_indicators", "indicators",
                 "Every document yields at least one indicator.", AssetCheckSeverity.WARN),
    QualityCheck("listed_rejected_files", "rejected_files",
                 "No file was rejected (a warning: the files and reasons are listed).", AssetCheckSeverity.WARN),
    QualityCheck("yoy_disagrees_with_indicators", "yoy_comparison",
                 "Every comparison value is a mention of that region, indicator and year."),
)


def _build_check(spec: QualityCheck) -> AssetChecksDefinition:
    @asset_check(name=spec.query, asset=spec.asset, description=spec.description, blocking=False)
    def _check(warehouse: WarehouseResource) -> AssetCheckResult:
        with warehouse.store().connect() as con:
            problems = find_problems(con, spec.query)
        return AssetCheckResult(
            passed=problems.empty,
            severity=spec.severity,
            metadata={"failing_rows": len(problems), "rows": markdown(problems.head(LISTED_ROWS))},
        )

    return _check


quality_checks = [_build_check(spec) for spec in QUALITY_CHECKS]
