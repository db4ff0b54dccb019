// -Dconfig.skip=true: nothing validated, nothing written, the failing configuration does not fail the build
def log = new File(basedir, 'build.log').text
assert log.contains('config-cicd: skipped (config.skip=true)')
assert !log.contains('[schema]')
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target/config-cicd').exists()
true
