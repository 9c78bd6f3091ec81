# Build the Windows installer: the PyInstaller bundle wrapped by Inno Setup.
#
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build_installer.ps1
#   # -> build\installer\Tabayun-VERSION-setup.exe
#
# Needs Python 3.11+ and Inno Setup 6.5+ (iscc on PATH, or in its default folder).
# Built by .github/workflows/packaging.yml on a Windows runner; it cannot run on the Linux
# machines the project is developed on.
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root
$Build = Join-Path $Root "build"
$Venv = Join-Path $Build "venv"
$Py = Join-Path $Venv "Scripts\python.exe"

if (-not (Test-Path $Py)) { python -m venv $Venv; if ($LASTEXITCODE) { throw "python -m venv failed" } }
# setuptools stages the package in build\lib and never removes what the source dropped.
Remove-Item -Recurse -Force (Join-Path $Build "lib") -ErrorAction SilentlyContinue
& $Py -m pip install -q --upgrade "pyinstaller>=6.10" .
if ($LASTEXITCODE) { throw "pip install failed" }
& $Py packaging\make_icons.py
if ($LASTEXITCODE) { throw "make_icons.py failed" }
& $Py -m PyInstaller --noconfirm --log-level WARN --distpath build\dist --workpath build\pyinstaller packaging\tabayun.spec
if ($LASTEXITCODE) { throw "PyInstaller failed" }

$Version = & $Py -c "from importlib.metadata import version; print(version('tabayun'))"
$Iscc = (Get-Command iscc -ErrorAction SilentlyContinue).Source
if (-not $Iscc) { $Iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe" }
& $Iscc "/DAppVersion=$Version" packaging\windows\tabayun.iss
if ($LASTEXITCODE) { throw "Inno Setup failed" }
$Bundle = (Get-ChildItem -Recurse build\dist\Tabayun | Measure-Object -Sum Length).Sum / 1MB
Write-Output ("bundle:    build\dist\Tabayun ({0:N0} MB)" -f $Bundle)
Get-ChildItem build\installer\*.exe | ForEach-Object { Write-Output ("package:   {0} ({1:N0} MB)" -f $_.FullName, ($_.Length / 1MB)) }
