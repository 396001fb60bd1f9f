"""The makers of section 4's documents, wired the same way for the bot and the CLI: printouts
in `utdrag/`, evidence packages in `bevispaket/`, archive packages in `arkivpaket/`, all under
the evidence folder."""

from dataclasses import dataclass

from services.archive_package import ArchivePackages
from services.evidence import EvidenceFiles
from services.evidence_package import EvidencePackages
from services.evidence_package_pdf import render_package
from services.printout import Printouts
from services.printout_pdf import render_printout


@dataclass(frozen=True)
class RecordMakers:
    printouts: Printouts
    evidence_packages: EvidencePackages
    archives: ArchivePackages


def record_makers(files: EvidenceFiles, organisation: str) -> RecordMakers:
    folder = files.folder
    printouts = Printouts(folder / "utdrag", render_printout)
    packages = EvidencePackages(files, folder / "bevispaket", render_package)
    archives = ArchivePackages(folder / "arkivpaket", printouts, packages, files, organisation)
    return RecordMakers(printouts, packages, archives)
